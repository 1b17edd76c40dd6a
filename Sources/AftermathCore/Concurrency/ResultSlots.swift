import Synchronization

public final class ResultSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>
    public init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    public subscript(i: Int) -> T? {
        get { storage[i] }
        set { storage[i] = newValue }
    }

    /// Every slot's value, moved out (the slots are left empty): no value is copied, which for
    /// a hundred thousand parse results is a copy and a release of each one's parts saved.
    public func take() -> [T?] {
        (0..<storage.count).map { i in
            let slot = storage.baseAddress! + i
            defer { slot.initialize(to: nil) }
            return slot.move()
        }
    }

    /// The results of work that may have failed, moved out in order; the first failure thrown.
    public func takeResults<V>() throws -> [V] where T == Result<V, Error> {
        var values: [V] = []
        values.reserveCapacity(storage.count)
        for result in take() {
            switch result {
            case .success(let value)?: values.append(value)
            case .failure(let error)?: throw error
            case nil: preconditionFailure("a slot was never filled")
            }
        }
        return values
    }
}
