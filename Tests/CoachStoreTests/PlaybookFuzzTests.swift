import CoachCore
import Foundation
import Testing

/// A damaged playbook loads or is rejected (exit 65) naming the file; it never crashes the loader.
@Suite struct PlaybookFuzzTests {
  @Test func mutatedPlaybookFilesLoadOrAreRejectedWithTheirPath() {
    var rng = SeededRandom(seed: fuzzSeed(6))
    let base = DefaultPlaybook.files.filter { $0.path.hasPrefix("en/") }
    var rejected = 0
    for i in 0..<fuzzIterations(60) {
      var files = base
      let at = Int.random(in: 0..<files.count, using: &rng)
      for _ in 0..<Int.random(in: 1...3, using: &rng) { files[at].text = Mutate.lines(files[at].text, &rng) }
      do {
        _ = try PlaybookSet.load(files: files)
      } catch let error as CoachError {
        rejected += 1
        #expect(error.exitCode == 65, "seed \(i) \(files[at].path): \(error)")
        #expect(error.message.contains(".yaml"), "seed \(i) \(files[at].path): \(error.message)")
      } catch {
        Issue.record("seed \(i) \(files[at].path): unexpected \(type(of: error)): \(error)")
      }
    }
    #expect(rejected > 0, "no mutation was rejected: the mutator is too gentle")
    print(
      "fuzz: \(fuzzIterations(60)) mutated playbooks: \(rejected) rejected, \(fuzzIterations(60) - rejected) loaded")
  }
}
