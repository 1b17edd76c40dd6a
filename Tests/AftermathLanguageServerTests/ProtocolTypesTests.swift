import Foundation
import XCTest
@testable import AftermathLanguageServer

/// The protocol types against the JSON of the LSP 3.17 specification's examples and definitions.
final class ProtocolTypesTests: XCTestCase {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    private func object(_ value: some Encodable) throws -> NSDictionary {
        try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? NSDictionary)
    }

    func testTheRangeExampleDecodes() throws {
        // types/range.md: a range that contains a line including its line end.
        let range = try decode(TextRange.self, #"{ "start": { "line": 5, "character": 23 }, "end": { "line": 6, "character": 0 } }"#)
        XCTAssertEqual(range, TextRange(start: Position(line: 5, character: 23), end: Position(line: 6, character: 0)))
    }

    func testTheBaseProtocolExampleIsARequest() throws {
        let message = try IncomingMessage.parse(Array(#"{"jsonrpc": "2.0", "id": 1, "method": "textDocument/completion", "params": {}}"#.utf8)).get()
        XCTAssertEqual(message.id, .number(1))
        XCTAssertEqual(message.method, "textDocument/completion")
        let named = try IncomingMessage.parse(Array(#"{"jsonrpc": "2.0", "id": "a-1", "method": "shutdown"}"#.utf8)).get()
        XCTAssertEqual(named.id, .string("a-1"))
    }

    func testAResponseCarriesNullResultAndNullID() throws {
        let success = String(decoding: OutgoingMessage.response(id: .number(7), result: NullResult()), as: UTF8.self)
        XCTAssertEqual(success, #"{"id":7,"jsonrpc":"2.0","result":null}"#)
        let failure = String(decoding: OutgoingMessage.response(id: nil, error: ResponseError(ResponseError.parseError, "bad")), as: UTF8.self)
        XCTAssertEqual(failure, #"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"#)
    }

    func testErrorCodesAreTheSpecifications() {
        XCTAssertEqual([ResponseError.parseError, ResponseError.invalidRequest, ResponseError.methodNotFound, ResponseError.invalidParams,
                        ResponseError.internalError, ResponseError.serverNotInitialized, ResponseError.requestCancelled],
                       [-32700, -32600, -32601, -32602, -32603, -32002, -32800])
    }

    func testADiagnosticHasTheSpecificationsFields() throws {
        let diagnostic = LSPDiagnostic(range: TextRange(start: Position(line: 0, character: 1), end: Position(line: 0, character: 4)), severity: .warning,
                                       code: "AM401", codeDescription: CodeDescription(href: "https://example.org/rules#am401"), message: "late")
        let json = try object(diagnostic)
        XCTAssertEqual(Set(json.allKeys as? [String] ?? []), ["range", "severity", "code", "codeDescription", "source", "message"])
        XCTAssertEqual(json["severity"] as? Int, 2)
        XCTAssertEqual((json["codeDescription"] as? NSDictionary)?["href"] as? String, "https://example.org/rules#am401")
    }

    func testAContentChangeIsARangeOrTheWholeText() throws {
        let params = try decode(DidChangeTextDocumentParams.self, """
        {"textDocument": {"uri": "file:///a.md", "version": 2},
         "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "rangeLength": 1, "text": "x"},
                            {"text": "whole"}]}
        """)
        XCTAssertNotNil(params.contentChanges[0].range)
        XCTAssertNil(params.contentChanges[1].range)
    }

    func testWorkspaceEditsCreateFilesAndEditThem() throws {
        let edit = WorkspaceEdit(documentChanges: [
            .create(CreateFile(uri: "file:///r.md", options: .init(overwrite: false, ignoreIfExists: true))),
            .edit(TextDocumentEdit(textDocument: .init(uri: "file:///r.md", version: nil),
                                   edits: [TextEdit(range: TextRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0)), newText: "---\n")])),
        ])
        let changes = try XCTUnwrap(try object(edit)["documentChanges"] as? [NSDictionary])
        XCTAssertEqual(changes[0]["kind"] as? String, "create")
        XCTAssertEqual((changes[1]["textDocument"] as? NSDictionary)?["version"] as? NSNull, NSNull(), "an unversioned document is `version: null`")
    }

    func testInitializeTakesThePositionEncodingsOffered() throws {
        let params = try decode(InitializeParams.self, #"{"processId": null, "rootUri": null, "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}"#)
        XCTAssertEqual(PositionEncoding.negotiate(params.capabilities?.general?.positionEncodings), .utf8)
        XCTAssertEqual(PositionEncoding.negotiate(nil), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate(["utf-32"]), .utf16)
    }

    func testFileURIsRoundTrip() {
        XCTAssertEqual(DocumentURI.path("file:///tmp/a%20b/%C3%A9.md"), "/tmp/a b/é.md")
        XCTAssertEqual(DocumentURI.uri("/tmp/a b/é.md"), "file:///tmp/a%20b/%C3%A9.md")
        XCTAssertNil(DocumentURI.path("untitled:Untitled-1"))
    }
}
