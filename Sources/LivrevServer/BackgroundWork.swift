import Dispatch
import Foundation
import Synchronization

/// Work the server does beside answering requests — rebuilding the queues, checking and hashing
/// passwords — on threads of its own at a lower CPU priority than the threads that answer, so
/// that on a busy machine that work takes longer and screening requests do not.
final class BackgroundWork: Sendable {
    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let ready = DispatchSemaphore(value: 0)

    /// A thread that runs the jobs given to `run`, one at a time, in order.
    init(name: String) {
        let thread = Thread { [self] in
            BackgroundWork.lowerPriority()
            while true {
                ready.wait()
                let job = jobs.withLock { $0.removeFirst() }
                job()
            }
        }
        thread.name = name
        thread.start()
    }

    /// Runs `body` on the thread, after the jobs queued before it.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            jobs.withLock { $0.append { continuation.resume(returning: body()) } }
            ready.signal()
        }
    }

    /// Lowers the calling thread's CPU priority (nice 10; Linux keeps a nice value per thread, and
    /// `who` 0 is the calling thread).
    ///
    /// Source: https://man7.org/linux/man-pages/man2/setpriority.2.html (BUGS)
    static func lowerPriority() {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
