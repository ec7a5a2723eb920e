/// Text with `{…}` values in it: `"about {low | money}–{high | money}"`.
public struct TextTemplate: Sendable, Hashable {
    /// How an interpolated value is written.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Numbers as `34` or `2.5`, answers in words.
        case plain
        /// `$1,800` with the clinic's currency.
        case money
        /// `1,800`.
        case number
    }

    public enum Segment: Sendable, Hashable {
        case literal(String)
        /// An expression, its format, and the offset of its first character in the template.
        case value(Expression, Format, offset: Int)
    }

    public var segments: [Segment]

    /// Parses a template; `{{` and `}}` stand for literal braces.
    public static func parse(_ template: String) throws(ExpressionSyntaxError) -> TextTemplate {
        var segments: [Segment] = []
        var literal = ""
        let characters = Array(template)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "{", next == "{" {
                literal.append("{")
                index += 2
            } else if character == "}", next == "}" {
                literal.append("}")
                index += 2
            } else if character == "}" {
                throw ExpressionSyntaxError("'}' without a matching '{'; write '}}' for a brace", at: index)
            } else if character == "{" {
                guard let close = characters[(index + 1)...].firstIndex(of: "}") else {
                    throw ExpressionSyntaxError("'{' is never closed with '}'; write '{{' for a brace", at: index)
                }
                if !literal.isEmpty {
                    segments.append(.literal(literal))
                    literal = ""
                }
                // Appended one by one: String(_:) of a slice of characters is generic, and its first use at a
                // start cost a protocol-conformance lookup.
                var inside = ""
                for character in characters[(index + 1)..<close] { inside.append(character) }
                let start = index + 1
                var expressionText = inside
                var format = Format.plain
                if let bar = inside.lastIndex(of: "|") {
                    let name = inside[inside.index(after: bar)...].trimmingCharacters(in: .whitespaces)
                    guard let named = Format(rawValue: name) else {
                        let offset = start + inside.distance(from: inside.startIndex, to: bar) + 1
                        throw ExpressionSyntaxError("unknown format '\(name)'\(Suggestion.didYouMean(name, in: Format.allCases.map(\.rawValue))); use money or number", at: offset)
                    }
                    format = named
                    expressionText = String(inside[..<bar])
                }
                do {
                    let expression = try ExpressionParser.parse(expressionText)
                    segments.append(.value(expression, format, offset: start))
                } catch {
                    throw ExpressionSyntaxError(error.message, at: start + error.offset)
                }
                index = close + 1
            } else {
                literal.append(character)
                index += 1
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return TextTemplate(segments: segments)
    }

    /// The expressions interpolated in the template.
    public var expressions: [(expression: Expression, format: Format, offset: Int)] {
        segments.compactMap { segment in
            if case let .value(expression, format, offset) = segment { return (expression, format, offset) }
            return nil
        }
    }
}

import Foundation
