/// How a summary's documents link (`Document.keys`, `Document.references`): their components
/// (documents joined by a chain of shared keys), who refers to each key, and every key in byte
/// order — with the summary's tables written from them.
///
/// Each occurrence of a key is hashed once, to a slot; everything after works on slot and
/// document numbers. (Built over strings — a dictionary per table, every key hashed five
/// times, a key array and a set per document — this was a large part of a cold run's work.)
struct LinkTables: Sendable {
    /// Component of each document, numbered in order of first member.
    let component: [UInt32]
    /// Number in the keys table of each document's own ID; `SummaryFormat.noKey` for an entry
    /// that is not a document.
    let idKey: [UInt32]
    let keyCount: Int
    let componentCount: Int
    /// Key records; their strings at the start of the strings table.
    let keyTable: [UInt8]
    let keyStrings: [UInt8]
    let starts: [UInt8]
    let members: [UInt8]
    let referrerTable: [UInt8]

    init(_ entries: [SummaryBuilder.Entry]) {
        var slots = KeySlots(capacity: entries.count + entries.count / 4)
        var joined = UnionFind(count: entries.count)
        // Per slot, the first document having the key, or -1 when documents only refer to it.
        var owner: [Int32] = []
        owner.reserveCapacity(entries.count)
        var idSlot = [Int32](repeating: -1, count: entries.count)
        // (slot, document) pairs, each pair once, in document order.
        var referring: [(slot: Int32, document: Int32)] = []
        var lastReferrer: [Int32] = []
        lastReferrer.reserveCapacity(entries.count)
        // One pass over the documents (each pass brings every document back into the cache).
        for i in entries.indices {
            guard let document = entries[i].document else { continue }
            document.forEachKey { key in
                let slot = slots.claim(key)
                if slot == owner.count {
                    owner.append(Int32(i))
                    lastReferrer.append(-1)
                } else if owner[slot] < 0 {
                    // Only referred to so far: its first document with it as a key owns it,
                    // and names it (as if every document's keys were claimed before references).
                    owner[slot] = Int32(i)
                    slots.rename(slot, key)
                } else {
                    joined.join(i, Int(owner[slot]))
                }
                if idSlot[i] < 0 { idSlot[i] = Int32(slot) }
            }
            document.forEachReference { key in
                let slot = slots.claim(key)
                if slot == owner.count {
                    owner.append(-1)
                    lastReferrer.append(-1)
                }
                guard lastReferrer[slot] != Int32(i) else { return }
                lastReferrer[slot] = Int32(i)
                referring.append((Int32(slot), Int32(i)))
            }
        }

        let (component, componentCount) = joined.numbered()
        self.component = component
        self.componentCount = componentCount
        let rank = slots.byteOrderRanks()
        keyCount = rank.count
        idKey = idSlot.map { $0 < 0 ? SummaryFormat.noKey : UInt32(rank[Int($0)]) }

        // Referrers grouped by key number, in document order within each key.
        let byKey = Grouping(count: keyCount, of: referring.lazy.map { rank[Int($0.slot)] })
        var referrerTable = ByteWriter()
        referrerTable.buffer.reserveCapacity(4 * referring.count)
        for pair in byKey.order { referrerTable.u32(Int(referring[pair].document)) }

        var strings = ByteWriter()
        var table = ByteWriter()
        table.buffer.reserveCapacity(keyCount * SummaryFormat.keyRecordSize)
        for slot in slots.slotsInByteOrder(rank) {
            let key = slots.strings[slot]
            table.u32(strings.buffer.count)
            table.u32(key.utf8.count)
            strings.buffer.append(contentsOf: key.utf8)
            table.u32(owner[slot] >= 0 ? component[Int(owner[slot])] : SummaryFormat.noKey)
            let group = byKey.range(of: rank[slot])
            table.u32(group.lowerBound)
            table.u32(group.count)
        }

        let byComponent = Grouping(count: componentCount, of: component.lazy.map(Int.init))
        var starts = ByteWriter()
        var members = ByteWriter()
        members.buffer.reserveCapacity(4 * entries.count)
        for c in 0..<componentCount { starts.u32(byComponent.range(of: c).lowerBound) }
        starts.u32(entries.count)
        for document in byComponent.order { members.u32(document) }
        (keyTable, keyStrings, self.starts, self.members, self.referrerTable) = (table.buffer, strings.buffer, starts.buffer, members.buffer, referrerTable.buffer)
    }
}

/// Key strings numbered in the order first claimed.
private struct KeySlots {
    private var slot: [String: Int] = [:]
    private(set) var strings: [String] = []

    init(capacity: Int) {
        slot.reserveCapacity(capacity)
        strings.reserveCapacity(capacity)
    }

    /// The key's slot, a new one (`strings.count` before the call) when first seen: one hash.
    mutating func claim(_ key: String) -> Int {
        let next = strings.count
        let found = Self.value(&slot[key, default: next])
        if found == next { strings.append(key) }
        return found
    }

    private static func value(_ slot: inout Int) -> Int { slot }

    /// Spells a slot's key as given (an equal string: Swift compares canonical equivalents equal).
    mutating func rename(_ slot: Int, _ key: String) { strings[slot] = key }

    /// Each slot's position when the keys are sorted by their UTF-8 bytes.
    func byteOrderRanks() -> [Int] {
        // Sorted by their first 16 bytes as two big-endian words (all of an ID), the strings
        // compared only when those are equal.
        var order = strings.indices.map { SortKey(prefix: BytePrefix(strings[$0]), slot: $0) }
        order.sort { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return SnapshotDelta.precedes(strings[a.slot], strings[b.slot])
        }
        var rank = [Int](repeating: 0, count: strings.count)
        for (position, key) in order.enumerated() { rank[key.slot] = position }
        return rank
    }

    /// The slots in byte order of their keys, from `byteOrderRanks()`.
    func slotsInByteOrder(_ rank: [Int]) -> [Int] {
        var slots = [Int](repeating: 0, count: rank.count)
        for (slot, position) in rank.enumerated() { slots[position] = slot }
        return slots
    }

    private struct SortKey {
        var prefix: BytePrefix
        var slot: Int
    }
}

/// Documents joined into sets (union–find with path halving).
private struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    mutating func join(_ a: Int, _ b: Int) {
        let (a, b) = (root(a), root(b))
        if a != b { parent[max(a, b)] = min(a, b) }
    }

    /// Each member's set number, sets numbered in order of first member, and the set count.
    mutating func numbered() -> (number: [UInt32], count: Int) {
        var ofRoot = [UInt32](repeating: .max, count: parent.count)
        var number: [UInt32] = []
        number.reserveCapacity(parent.count)
        var count = 0
        for i in parent.indices {
            let r = root(i)
            if ofRoot[r] == .max {
                ofRoot[r] = UInt32(count)
                count += 1
            }
            number.append(ofRoot[r])
        }
        return (number, count)
    }
}
