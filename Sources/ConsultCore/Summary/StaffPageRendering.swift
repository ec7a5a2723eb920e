// MARK: - For a terminal

extension StaffPage {
    /// The page drawn for a terminal `width` columns wide: headings underlined, strong text bold (when `styled`),
    /// lists indented, tables as aligned columns with wrapped cells; no Markdown escapes are left.
    ///
    /// Text is stripped of control and format characters, so nothing in a summary can drive the terminal.
    ///
    /// - Returns: the lines, without newlines.
    public func terminalLines(width: Int, styled: Bool) -> [String] {
        let width = max(width, 30)
        var lines: [String] = []
        for block in blocks {
            if !lines.isEmpty { lines.append("") }
            switch block {
            case let .heading(level, text):
                let plain = Self.safe(text.plainText)
                lines += Self.wrap([Inline(text: plain, strong: true, code: false)], width: width, indent: "", styled: styled)
                lines.append(String(repeating: level == 1 ? "═" : "─", count: min(plain.count, width)))
            case let .paragraph(text):
                lines += Self.wrap(text, width: width, indent: "", styled: styled)
            case let .banner(text):
                lines += Self.wrap(text, width: width - 2, indent: "", styled: styled).map { "▌ " + $0 }
            case let .list(items):
                for item in items {
                    let indent = String(repeating: "   ", count: item.depth)
                    let marker = (item.number ?? "•") + " "
                    let wrapped = Self.wrap(item.text, width: width - indent.count - marker.count, indent: "", styled: styled)
                    for (index, line) in wrapped.enumerated() {
                        lines.append(indent + (index == 0 ? marker : String(repeating: " ", count: marker.count)) + line)
                    }
                }
            case let .table(header, rows):
                lines += Self.table(header: header, rows: rows, width: width, styled: styled)
            case .rule:
                lines.append(String(repeating: "─", count: width))
            }
        }
        return lines
    }

    /// Control and format characters removed (escape sequences lose their ESC and cannot act); spaces kept.
    static func safe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: scalar == " "
            default: true
            }
        }))
    }

    /// Word-wraps runs to `width` visible columns; strong text is wrapped in bold escapes when `styled`.
    static func wrap(_ runs: [Inline], width: Int, indent: String, styled: Bool) -> [String] {
        // A word is a list of pieces, so a word made of two runs ("**yes**," → "yes,") stays one word.
        var words: [[(text: String, strong: Bool)]] = []
        var joinsPrevious = false
        for run in runs {
            let text = safe(run.text)
            for (index, part) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() where !part.isEmpty {
                if index == 0, joinsPrevious, !words.isEmpty {
                    words[words.count - 1].append((String(part), run.strong))
                } else {
                    words.append([(String(part), run.strong)])
                }
            }
            joinsPrevious = !text.isEmpty && !text.hasSuffix(" ")
        }
        var lines: [String] = []
        var line = ""
        var visible = 0
        for word in words {
            let count = word.reduce(0) { $0 + $1.text.count }
            if visible > 0, visible + 1 + count > width {
                lines.append(indent + line)
                line = ""
                visible = 0
            }
            if visible > 0 { line += " "; visible += 1 }
            line += word.map { $0.strong && styled ? "\u{1B}[1m" + $0.text + "\u{1B}[0m" : $0.text }.joined()
            visible += count
        }
        if !line.isEmpty || lines.isEmpty { lines.append(indent + line) }
        return lines
    }

    /// Characters on screen, not counting bold escapes.
    static func visibleCount(_ text: String) -> Int {
        text.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "").count
    }

    private static func table(header: [[Inline]], rows: [[[Inline]]], width: Int, styled: Bool) -> [String] {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        let all = [header] + rows
        let natural = (0..<columns).map { column in
            all.map { $0.indices.contains(column) ? safe($0[column].plainText).count : 0 }.max() ?? 0
        }
        let available = width - 3 * (columns - 1)
        var widths = natural.map { max($0, 1) }
        // Too wide: shrink the widest column until the table fits, keeping every column at least 8 wide.
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
            widths[widest] -= 1
        }
        var lines: [String] = []
        for (number, row) in all.enumerated() {
            let cells = (0..<columns).map { column -> [String] in
                let runs = row.indices.contains(column) ? row[column] : []
                let strong = number == 0 ? runs.map { Inline(text: $0.text, strong: true, code: $0.code) } : runs
                return wrap(strong, width: widths[column], indent: "", styled: styled)
            }
            let height = cells.map(\.count).max() ?? 1
            for index in 0..<height {
                let parts = (0..<columns).map { column -> String in
                    let text = cells[column].indices.contains(index) ? cells[column][index] : ""
                    return text + String(repeating: " ", count: max(0, widths[column] - visibleCount(text)))
                }
                var joined = parts.joined(separator: " │ ")
                while joined.hasSuffix(" ") { joined.removeLast() }
                lines.append(joined)
            }
            if number == 0 { lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")) }
        }
        return lines
    }
}

// MARK: - As HTML

extension StaffPage {
    /// A self-contained printable HTML page: the reference code large at the top, then the page as written
    /// (outcome and reasons first), with a print stylesheet for A4 and Letter. Every text is HTML-escaped.
    ///
    /// - Parameters:
    ///   - title: the document title (the browser tab and the printed header).
    ///   - reference: the code shown large above the page; `nil` for summaries without one.
    public func html(title: String, reference: String?) -> String {
        var body: [String] = []
        if let reference { body.append("<p class=\"reference\">\(Self.escape(reference))</p>") }
        for block in blocks {
            switch block {
            case let .heading(level, text):
                let tag = "h\(min(max(level, 1), 3))"
                body.append("<\(tag)>\(Self.html(text))</\(tag)>")
            case let .paragraph(text):
                body.append("<p>\(Self.html(text))</p>")
            case let .banner(text):
                body.append("<p class=\"banner\">\(Self.html(text))</p>")
            case let .list(items):
                body.append(Self.list(items))
            case let .table(header, rows):
                let head = header.map { "<th>\(Self.html($0))</th>" }.joined()
                let rowsHTML = rows.map { row in "<tr>" + row.map { "<td>\(Self.html($0))</td>" }.joined() + "</tr>" }
                body.append("<table>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n" + rowsHTML.joined(separator: "\n") + "\n</tbody>\n</table>")
            case .rule:
                body.append("<hr>")
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title))</title>
            <style>
            \(Self.stylesheet)
            </style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    /// Screen and print styles: no web fonts, images or scripts, so the page prints the same anywhere.
    static let stylesheet = """
        body { font: 11pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000; margin: 2em auto; max-width: 48em; padding: 0 1em; }
        .reference { font: bold 32pt/1.1 "DejaVu Sans Mono", "Liberation Mono", monospace; letter-spacing: 0.08em; margin: 0 0 0.2em; }
        h1 { font-size: 16pt; margin: 0 0 0.6em; }
        h2 { font-size: 13pt; margin: 1.2em 0 0.4em; border-bottom: 1px solid #888; }
        h2:first-of-type { font-size: 15pt; }
        .banner { border: 2px solid #000; padding: 0.4em 0.6em; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #888; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.95em; }
        li { margin: 0.15em 0; }
        @page { margin: 15mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .banner, li { break-inside: avoid; page-break-inside: avoid; }
        }
        """

    private static func list(_ items: [ListItem]) -> String {
        var html = ""
        var open: [String] = []
        var itemOpen: [Bool] = []
        for item in items {
            let tag = item.number == nil ? "ul" : "ol"
            while open.count > item.depth + 1 {
                html += "</li></\(open.removeLast())>"
                itemOpen.removeLast()
            }
            if open.count < item.depth + 1 {
                html += "<\(tag)>"
                open.append(tag)
                itemOpen.append(false)
            } else if itemOpen.last == true {
                html += "</li>\n"
            }
            html += "<li>" + Self.html(item.text)
            itemOpen[itemOpen.count - 1] = true
        }
        while let tag = open.popLast() { html += "</li></\(tag)>" }
        return html
    }

    private static func html(_ runs: [Inline]) -> String {
        runs.map { run in
            let text = escape(safe(run.text))
            if run.code { return "<code>\(text)</code>" }
            return run.strong ? "<strong>\(text)</strong>" : text
        }.joined()
    }

    /// `&`, `<`, `>`, `"` and `'` as character references: no text can open a tag or leave an attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
