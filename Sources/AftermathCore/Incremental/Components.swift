/// Documents grouped by shared keys (union–find): two documents are in one component when a
/// chain of documents, each sharing a key with the next, joins them.
struct Components {
    /// Component number of each document, numbered in order of first member.
    var component: [UInt32]
    var members: [[Int]]
    /// The first document with each key.
    var keyOwner: [String: Int] = [:]

    init(_ keys: [[String]]) {
        var parent = Array(0..<keys.count)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for (i, documentKeys) in keys.enumerated() {
            for key in documentKeys {
                if let other = keyOwner[key] {
                    let (a, b) = (root(i), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    keyOwner[key] = i
                }
            }
        }
        component = []
        members = []
        var number: [Int: UInt32] = [:]
        for i in keys.indices {
            let r = root(i)
            if let n = number[r] {
                component.append(n)
                members[Int(n)].append(i)
            } else {
                let n = UInt32(members.count)
                number[r] = n
                component.append(n)
                members.append([i])
            }
        }
    }
}
