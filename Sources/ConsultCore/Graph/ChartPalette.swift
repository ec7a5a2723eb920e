/// The colours of rule boxes, one per effect, shared by every renderer so the pictures agree.
enum ChartPalette {
    /// Fill and border colour of a rule box: decline red, defer orange, review yellow, precaution blue, info grey.
    static func colours(of effect: RuleEffect) -> (fill: String, border: String) {
        switch effect {
        case .decline: ("#f4cccc", "#cc0000")
        case .defer: ("#fce5cd", "#e69138")
        case .review: ("#fff2cc", "#bf9000")
        case .precaution: ("#cfe2f3", "#3d85c6")
        case .info: ("#eeeeee", "#999999")
        }
    }
}
