import Foundation

/// A value made the first time it is read, then kept: for what a consultation's start need not pay for (the
/// reading tables, the FAQ of a compiled form, a file's lines for error locations).
///
/// Shared by the copies of the value that holds it; readers on several threads (tests run sessions so) get the
/// one value, made once.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    /// Guards `made` and `make`.
    private let lock = NSLock()
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    /// A value `make` makes when it is first read.
    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// A value there already.
    init(made value: Value) {
        made = value
    }

    /// Whether the value has been made (it is always, when it was given to the initialiser).
    var isMade: Bool {
        lock.lock()
        defer { lock.unlock() }
        return made != nil
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make!()
        made = value
        make = nil  // what it captured (a compiled form's bytes) is no longer needed
        return value
    }
}

extension LazyValue: Equatable where Value: Equatable {
    static func == (lhs: LazyValue, rhs: LazyValue) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }
}
