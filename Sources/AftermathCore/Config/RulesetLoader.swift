/// Reads `.aftermath.yml`, the owners registry and the schemas from a snapshot. Every problem
/// is collected (with its own path and line) before giving up, so one run shows all of them.
public enum RulesetLoader {
    /// Changes whenever parsing or single-document rules change meaning; part of the cache key.
    public static let coreRevision = "aftermath-core-2026-12-07"

    public static func load(from snapshot: Snapshot) throws -> Result<Ruleset, ConfigurationError> {
        var problems: [Diagnostic] = []
        let confinement = snapshot.confinement
        var inputs: [UInt8] = Array(coreRevision.utf8)
        var schemas: [String: CompiledSchema] = [:]
        var sources: [String: String] = [:]
        let names = DocumentKind.allCases.map(\.schemaFile) + ["config.schema.json", "owners.schema.json"]
        for name in names {
            let path = "\(RepositoryConfiguration.schemaFolder)/\(name)"
            let (bytes, source): ([UInt8], String)
            if let problem = confinement.problem(path) {
                problems.append(Diagnostic(path: path, location: .fileStart, severity: .error, ruleID: "config",
                                           message: "the schema file \(problem); it was not read"))
                continue
            } else if let own = try snapshot.read(path) {
                (bytes, source) = (own, path)
            } else if let builtin = BuiltinSchemas.files[name] {
                (bytes, source) = (Array(builtin.utf8), "built-in \(name)")
            } else { continue }
            inputs += Array(name.utf8) + [0] + bytes + [0]
            switch JSONReader.read(bytes) {
            case .failure(let problem):
                problems.append(Diagnostic(path: path, location: problem.location, severity: .error, ruleID: "config", message: problem.message))
            case .success(let node):
                do {
                    schemas[name] = try CompiledSchema.compile(node)
                    sources[name] = source
                } catch {
                    problems.append(Diagnostic(path: path, location: .fileStart, severity: .error, ruleID: "config",
                                               message: "schema cannot be used: \(error)"))
                }
            }
        }

        func schemaNamed(_ name: String) -> (schema: CompiledSchema, source: String)? {
            schemas[name].map { ($0, sources[name] ?? name) }
        }
        var configuration = RepositoryConfiguration()
        let configPath = RepositoryConfiguration.fileName
        let configBytes = try snapshot.read(configPath)
        inputs += configBytes ?? []
        var ownersConfined = true
        if let bytes = configBytes, let node = readYAML(bytes, path: configPath, schema: schemaNamed("config.schema.json"), into: &problems) {
            do {
                configuration = try RepositoryConfiguration(node: node)
            } catch {
                problems.append(Diagnostic(path: configPath, location: error.location, severity: .error, ruleID: "config", message: error.message))
            }
            // Checked before anything is read there, so nothing outside is ever read or shown.
            let rootNodes = node["roots"]?.arrayValue ?? []
            let named = [("owners", configuration.ownersPath, node["owners"]?.location)]
                + configuration.roots.enumerated().map { ("roots", $0.element, rootNodes.indices.contains($0.offset) ? rootNodes[$0.offset].location : nil) }
            for (key, path, location) in named {
                guard let problem = confinement.problem(path) else { continue }
                if key == "owners" { ownersConfined = false }
                problems.append(Diagnostic(path: configPath, location: location ?? .fileStart, severity: .error, ruleID: "config",
                                           message: "`\(key)`: `\(path)` \(problem)"))
            }
        }

        var owners = OwnerRegistry()
        if !ownersConfined {
            // Reported above.
        } else if let bytes = try snapshot.read(configuration.ownersPath) {
            // Owners decide repository rules' results, which the summary of a run keeps.
            inputs += [0] + bytes
            if let node = readYAML(bytes, path: configuration.ownersPath, schema: schemaNamed("owners.schema.json"),
                                maxChecks: configuration.limits.maxSchemaChecks, into: &problems) {
                owners = registry(from: node, path: configuration.ownersPath, into: &problems)
            }
        } else if try snapshot.read(configPath) != nil {
            problems.append(Diagnostic(path: configPath, location: .fileStart, severity: .error, ruleID: "config",
                                       message: "owners file `\(configuration.ownersPath)` not found; create it or set `owners:` in \(configPath)"))
        }

        guard problems.isEmpty else { return .failure(ConfigurationError(diagnostics: problems.sortedForReport())) }
        var bykind: [DocumentKind: CompiledSchema] = [:]
        var sourceByKind: [DocumentKind: String] = [:]
        for kind in DocumentKind.allCases {
            bykind[kind] = schemas[kind.schemaFile]
            sourceByKind[kind] = sources[kind.schemaFile]
        }
        var ruleset = Ruleset(configuration: configuration, owners: owners, schemas: bykind, schemaSources: sourceByKind)
        ruleset.fingerprint = Fingerprint.of(inputs)
        return .success(ruleset)
    }

    /// A whole YAML file (configuration or owners), read with the same hardened reader as front matter.
    static func readYAML(_ bytes: [UInt8], path: String, schema: (schema: CompiledSchema, source: String)?,
                         maxChecks: Int = ParseLimits.standard.maxSchemaChecks, into problems: inout [Diagnostic]) -> Node? {
        func add(_ p: ParseProblem) {
            problems.append(Diagnostic(path: path, location: p.location, severity: .error, ruleID: p.ruleID, message: p.message))
        }
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let bad = text.withUnsafeBufferPointer(UTF8Check.firstInvalidOffset) {
            add(ParseProblem(RuleID.invalidEncoding, at: TextPosition.location(ofByte: bad, in: text), "invalid UTF-8; save the file as UTF-8"))
            return nil
        }
        let output = FrontMatterReader.read(text, firstLine: 1)
        output.problems.forEach(add)
        guard output.problems.isEmpty else { return nil }
        let root = output.root ?? Node(.object([]), at: .fileStart)
        guard case .object = root.value else {
            add(ParseProblem(RuleID.frontMatterNotMapping, at: root.location, "expected a YAML mapping"))
            return nil
        }
        do {
            for violation in try schema?.schema.validate(root, maxChecks: maxChecks) ?? [] {
                problems.append(Diagnostic(path: path, location: violation.location, severity: .error, ruleID: RuleID.schema, message: violation.message))
            }
        } catch {
            add(SchemaWorkExceeded.problem(error, schema: schema?.source ?? "its schema", at: root.location))
        }
        return problems.isEmpty ? root : nil
    }

    private static func registry(from node: Node, path: String, into problems: inout [Diagnostic]) -> OwnerRegistry {
        let people = (node["people"]?.arrayValue ?? []).compactMap { p -> OwnerRegistry.Person? in
            guard let handle = p["handle"]?.stringValue else { return nil }
            return OwnerRegistry.Person(handle: handle, name: p["name"]?.stringValue ?? handle,
                                        email: p["email"]?.stringValue, aliases: p["aliases"]?.stringList ?? [],
                                        accounts: Dictionary(uniqueKeysWithValues: TrackerAPI.Kind.allCases.compactMap { kind in
                                            p[kind.rawValue]?.stringValue.map { (kind.rawValue, $0) } }))
        }
        let teams = (node["teams"]?.arrayValue ?? []).compactMap { t -> OwnerRegistry.Team? in
            guard let handle = t["handle"]?.stringValue else { return nil }
            return OwnerRegistry.Team(handle: handle, name: t["name"]?.stringValue,
                                      members: t["members"]?.stringList ?? [], lead: t["lead"]?.stringValue)
        }
        // A name used twice would make every reference to it ambiguous.
        var seen: [String: SourceLocation] = [:]
        for entry in (node["people"]?.arrayValue ?? []) + (node["teams"]?.arrayValue ?? []) {
            let names = [entry["handle"]].compactMap { $0 } + (entry["aliases"]?.arrayValue ?? [])
            for nameNode in names {
                guard let name = nameNode.stringValue else { continue }
                if let first = seen[name] {
                    problems.append(Diagnostic(path: path, location: nameNode.location, severity: .error, ruleID: "config",
                                               message: "`\(name)` is already defined on line \(first.line); handles and aliases must be unique"))
                }
                seen[name] = nameNode.location
            }
        }
        let registry = OwnerRegistry(people: people, teams: teams)
        for entry in node["teams"]?.arrayValue ?? [] {
            for member in (entry["members"]?.arrayValue ?? []) + [entry["lead"]].compactMap({ $0 }) {
                guard let name = member.stringValue else { continue }
                if case .person? = registry.resolve(name) { continue }
                problems.append(Diagnostic(path: path, location: member.location, severity: .error, ruleID: "config",
                                           message: "team member `\(name)` is not a person in this file\(Suggestion.hint(Suggestion.closest(to: name, among: people.map(\.handle))))"))
            }
        }
        return registry
    }
}
