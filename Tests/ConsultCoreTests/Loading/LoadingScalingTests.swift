import Foundation
import Testing
@testable import ConsultCore

/// The loader's work grows linearly with the nodes of a dialog. Counted in elementary steps, never timed:
/// loading one dialog of 40,000 questions took 15 s (50,000 nodes: 21 s and 125 MB) when the graph
/// rebuilt a dialog's node index for every node and the flow analysis kept, for every node, the set of
/// answers asked before it. Either step coming back makes four times the nodes cost about sixteen times
/// the steps.
@Suite struct LoadingScalingTests {
    /// Steps of building the graph of one dialog of `questions` questions.
    static func graphWork(questions: Int, shape: LongDialog.Shape) throws -> Int {
        let result = try LongDialog.load(questions: questions, shape: shape)
        let consultation = try #require(result.consultation, "\(result.errors.prefix(3))")
        return ConsultationGraph(consultation: consultation).work
    }

    @Test("building the graph takes steps linear in the questions", arguments: LongDialog.Shape.allCases)
    func graph(_ shape: LongDialog.Shape) throws {
        let small = try Self.graphWork(questions: 250, shape: shape)
        let large = try Self.graphWork(questions: 1_000, shape: shape)
        #expect(Double(large) <= 4.5 * Double(small), "\(small) steps, then \(large)")
    }
}
