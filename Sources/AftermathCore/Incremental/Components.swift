/// Documents grouped by shared keys (union–find): two documents are in one component when a
/// chain of documents, each sharing a key with the next, joins them.
struct Components {
    /// Component number of each document, numbered in order of first member.
    var component: [UInt32]
    var members: [[Int]]
    /// The first document with each key.
    var keyOwner: [String: Int] = [:]

    /// - Parameter keys: the keys of each of `count` documents, called once per document in order.
    init(count: Int, keys: (Int) -> [String]) {
        var parent = Array(0..<count)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        keyOwner.reserveCapacity(count)
        for i in 0..<count {
            for key in keys(i) {
                // One hash per key: the common case, a key seen first, is an insertion.
                if let other = keyOwner.updateValue(i, forKey: key) {
                    keyOwner[key] = other
                    let (a, b) = (root(i), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                }
            }
        }
        component = []
        component.reserveCapacity(count)
        members = []
        // Component number of each root, by document position (none yet: UInt32.max).
        var number = [UInt32](repeating: .max, count: count)
        for i in 0..<count {
            let r = root(i)
            if number[r] != .max {
                component.append(number[r])
                members[Int(number[r])].append(i)
            } else {
                let n = UInt32(members.count)
                number[r] = n
                component.append(n)
                members.append([i])
            }
        }
    }
}
