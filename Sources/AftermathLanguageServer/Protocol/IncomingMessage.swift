import Foundation

/// One message from the client, its kind told by which of `id` and `method` it has: a request
/// has both, a notification only a method, a response (to a request of the server's) only an ID.
public struct IncomingMessage: Sendable {
    public var id: RequestID?
    public var method: String?
    /// The raw JSON, from which the parameters are decoded into the type the method takes.
    public var body: [UInt8]

    private struct Head: Decodable {
        var id: RequestID?
        var method: String?
        var hasID: Bool

        enum CodingKeys: String, CodingKey { case id, method }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            hasID = container.contains(.id)
            id = try container.decodeIfPresent(RequestID.self, forKey: .id)
            method = try container.decodeIfPresent(String.self, forKey: .method)
        }
    }

    /// Parses a frame's body: a `ParseError` when it is not JSON, an `InvalidRequest` when it is
    /// JSON but not a message.
    public static func parse(_ body: [UInt8]) -> Result<IncomingMessage, ResponseError> {
        guard (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) != nil else {
            return .failure(ResponseError(ResponseError.parseError, "the message is not valid JSON"))
        }
        guard let head = try? JSONDecoder().decode(Head.self, from: Data(body)) else {
            return .failure(ResponseError(ResponseError.invalidRequest, "the message is not a JSON-RPC request, notification or response"))
        }
        if head.hasID && head.id == nil && head.method != nil {
            return .failure(ResponseError(ResponseError.invalidRequest, "a request's `id` must be a number or a string"))
        }
        if head.method == nil && !head.hasID {
            return .failure(ResponseError(ResponseError.invalidRequest, "the message has neither `method` nor `id`"))
        }
        return .success(IncomingMessage(id: head.id, method: head.method, body: body))
    }

    private struct Envelope<P: Decodable>: Decodable {
        var params: P
    }

    /// The message's `params` as `P`; an `InvalidParams` error when they do not fit.
    public func params<P: Decodable>(_ type: P.Type) throws -> P {
        do {
            return try JSONDecoder().decode(Envelope<P>.self, from: Data(body)).params
        } catch {
            throw ResponseError(ResponseError.invalidParams, "the parameters of `\(method ?? "")` do not fit: \(Self.describe(error))")
        }
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing `\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))`"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "`\(context.codingPath.map(\.stringValue).joined(separator: "."))`: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
