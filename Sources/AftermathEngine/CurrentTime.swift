import AftermathCore
import Foundation

/// The current moment in whole seconds: what a record written now says (a postmortem declared
/// now, a tracker state fetched now, a pack made now). The core keeps no clock of its own.
package enum CurrentTime {
    package static var timestamp: Timestamp { Timestamp(secondsSinceEpoch: Date().timeIntervalSince1970.rounded(.down)) }
}
