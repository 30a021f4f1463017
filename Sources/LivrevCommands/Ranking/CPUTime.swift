import Foundation

/// This process's CPU time, for timings that hold on a busy machine (wall time does not).
enum CPUTime {
    /// Seconds of CPU this process has used.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Milliseconds between two readings, as text with three decimals.
    static func milliseconds(_ start: Double, _ end: Double, per count: Int = 1) -> String {
        String(format: "%.3f", (end - start) * 1000 / Double(max(1, count)))
    }
}
