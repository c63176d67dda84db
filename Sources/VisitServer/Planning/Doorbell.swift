/// Wakes a waiting loop early: `wait(upTo:)` returns when `ring()` is called or the time is up,
/// whichever comes first; a ring while nobody waits is kept for the next wait.
actor Doorbell {
    private var waiter: (id: Int, continuation: CheckedContinuation<Void, Never>)?
    private var rung = false
    private var waits = 0

    func ring() {
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume()
        } else {
            rung = true
        }
    }

    func wait(upTo duration: Duration) async {
        if rung {
            rung = false
            return
        }
        waits += 1
        let id = waits
        await withCheckedContinuation { continuation in
            waiter = (id, continuation)
            Task {
                try? await Task.sleep(for: duration)
                self.expire(id)
            }
        }
    }

    private func expire(_ id: Int) {
        guard let waiter, waiter.id == id else { return }
        self.waiter = nil
        waiter.continuation.resume()
    }
}
