/// The controls each framework's auditors test with incident records, and the evidence a pack
/// offers for each. Titles are the frameworks' own: ISO/IEC 27001:2022 Annex A (with the
/// 2013 edition's A.16.1.x controls it replaced), the AICPA's 2017 Trust Services Criteria,
/// and NIST SP 800-53's incident response family, which FedRAMP baselines use.
public enum ControlCatalog {
    public static func controls(of framework: AuditFramework) -> [AuditControl] {
        switch framework {
        case .iso27001: return iso27001
        case .soc2: return soc2
        case .fedramp: return fedramp
        }
    }

    static let iso27001: [AuditControl] = [
        AuditControl(framework: .iso27001, id: "A.5.24", title: "Information security incident management planning and preparation",
                     formerly: ["A.16.1.1 Responsibilities and procedures"], evidence: [.declaration, .postmortem, .approval, .closure]),
        AuditControl(framework: .iso27001, id: "A.5.25", title: "Assessment and decision on information security events",
                     formerly: ["A.16.1.4 Assessment of and decision on information security events"], evidence: [.declaration]),
        AuditControl(framework: .iso27001, id: "A.5.26", title: "Response to information security incidents",
                     formerly: ["A.16.1.5 Response to information security incidents"], evidence: [.containment, .notification, .remediation]),
        AuditControl(framework: .iso27001, id: "A.5.27", title: "Learning from information security incidents",
                     formerly: ["A.16.1.6 Learning from information security incidents"], evidence: [.postmortem, .approval, .findings, .remediation]),
        AuditControl(framework: .iso27001, id: "A.5.28", title: "Collection of evidence",
                     formerly: ["A.16.1.7 Collection of evidence"], evidence: [.integrity]),
        // 2013's two reporting controls became one people control in 2022.
        AuditControl(framework: .iso27001, id: "A.6.8", title: "Information security event reporting",
                     formerly: ["A.16.1.2 Reporting information security events", "A.16.1.3 Reporting information security weaknesses"],
                     evidence: [.declaration, .notification, .findings]),
    ]

    static let soc2: [AuditControl] = [
        AuditControl(framework: .soc2, id: "CC7.3",
                     title: "The entity evaluates security events to determine whether they could or have resulted in a failure of the entity to meet its objectives (security incidents) and, if so, takes actions to prevent or address such failures.",
                     formerly: [], evidence: [.declaration, .findings]),
        AuditControl(framework: .soc2, id: "CC7.4",
                     title: "The entity responds to identified security incidents by executing a defined incident response program to understand, contain, remediate, and communicate security incidents, as appropriate.",
                     formerly: [], evidence: [.containment, .notification, .postmortem, .approval, .remediation, .integrity]),
        AuditControl(framework: .soc2, id: "CC7.5",
                     title: "The entity identifies, develops, and implements activities to recover from identified security incidents.",
                     formerly: [], evidence: [.containment, .remediation, .closure]),
    ]

    static let fedramp: [AuditControl] = [
        AuditControl(framework: .fedramp, id: "IR-4", title: "Incident Handling", formerly: [],
                     evidence: [.declaration, .containment, .postmortem, .findings, .remediation, .closure]),
        AuditControl(framework: .fedramp, id: "IR-5", title: "Incident Monitoring", formerly: [], evidence: [.declaration, .integrity]),
        AuditControl(framework: .fedramp, id: "IR-6", title: "Incident Reporting", formerly: [], evidence: [.notification]),
        AuditControl(framework: .fedramp, id: "IR-8", title: "Incident Response Plan", formerly: [], evidence: [.approval, .closure]),
    ]
}
