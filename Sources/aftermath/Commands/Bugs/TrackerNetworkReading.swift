import Foundation
import AftermathCore
import AftermathEngine
import AftermathTrackers

extension TrackerNetwork {
    /// The process's environment, and the `ca_bundle` of each of `trackers` read from the
    /// repository (one that cannot be read fails only its tracker).
    static func reading(_ trackers: [Tracker], workspace: Workspace,
                        environment: [String: String] = ProcessInfo.processInfo.environment) -> TrackerNetwork {
        var network = TrackerNetwork(environment: environment)
        for tracker in trackers {
            guard let path = tracker.api?.caBundle else { continue }
            do {
                network.caBundles[tracker.name] = (try workspace.trackerCABundle(path), path)
            } catch let error as WorkspaceError {
                network.caBundleProblems[tracker.name] = error.message
            } catch {
                network.caBundleProblems[tracker.name] = "\(path): \(error)"
            }
        }
        return network
    }
}
