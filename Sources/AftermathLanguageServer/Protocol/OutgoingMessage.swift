import Foundation

/// Messages the server sends: responses, notifications and its own requests, encoded as JSON.
public enum OutgoingMessage {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    public static func response(id: RequestID?, result: any Encodable) -> [UInt8] {
        encode(Response(id: id, result: AnyEncodable(result), error: nil))
    }

    public static func response(id: RequestID?, error: ResponseError) -> [UInt8] {
        encode(Response(id: id, result: nil, error: error))
    }

    public static func notification(_ method: String, _ params: any Encodable) -> [UInt8] {
        encode(Notification(method: method, params: AnyEncodable(params)))
    }

    public static func request(id: RequestID, _ method: String, _ params: any Encodable) -> [UInt8] {
        encode(Request(id: id, method: method, params: AnyEncodable(params)))
    }

    static func encode(_ value: some Encodable) -> [UInt8] {
        // Every type sent is plain data; encoding cannot fail short of a bug, reported as such.
        (try? Array(encoder.encode(value))) ?? Array(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"the response could not be encoded"}}"#.utf8)
    }

    private struct Response: Encodable {
        var id: RequestID?
        var result: AnyEncodable?
        var error: ResponseError?

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            // `id` and, on success, `result` are sent even when null, as JSON-RPC requires.
            if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
            if let error {
                try container.encode(error, forKey: .error)
            } else if let result {
                try container.encode(result, forKey: .result)
            } else {
                try container.encodeNil(forKey: .result)
            }
        }
    }

    private struct Notification: Encodable {
        var jsonrpc = "2.0"
        var method: String
        var params: AnyEncodable
    }

    private struct Request: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID
        var method: String
        var params: AnyEncodable
    }
}

/// Any encodable value, encoded as itself (an optional that is nil as JSON `null`).
public struct AnyEncodable: Encodable {
    let value: any Encodable
    public init(_ value: any Encodable) { self.value = value }
    public func encode(to encoder: Encoder) throws {
        if let value = value as? AnyEncodable { return try value.encode(to: encoder) }
        try value.encode(to: encoder)
    }
}

/// A result of JSON `null` (`shutdown`, a hover with nothing to show).
public struct NullResult: Encodable, Sendable {
    public init() {}
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}
