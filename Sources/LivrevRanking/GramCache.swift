/// The Gram matrix `Kₛₜ = xₛ · xₜ + 1` (shared terms and intercept) of the rows a `LinearSVM` is
/// trained on, grown by a row per decision, so that a coordinate step can update every margin
/// along one contiguous row instead of reading and writing sparse rows.
///
/// It holds `limit²` entries at most (2 MB, so it stays in cache) and is worth building only when a fit adds few rows
/// to those it holds (each new row costs a sparse dot product with every row held); a fit that
/// adds many, as a first fit on a registry's decisions does, goes without it.
struct GramCache {
    /// Training rows beyond which the fit goes without the matrix.
    static let limit = 512
    /// New rows per fit beyond which building their part of the matrix costs more than it saves.
    static let newRowsPerFit = 8

    /// The rows held, by slot; `slotOf[row]` is a row's slot, −1 when not held.
    private var rowOfSlot: [Int] = []
    private var slotOf: [Int32] = []
    /// `matrix[s · capacity + t] = Kₛₜ`.
    private var matrix: [Double] = []
    private var capacity = 0
    /// A dense copy of one row's shared terms, zero between uses.
    private var scratch: [Double] = []

    var count: Int { rowOfSlot.count }

    /// Whether a fit on `rows` should use the matrix: few enough rows, few of them new.
    func pays(adding rows: [Int], count: Int) -> Bool {
        guard count <= Self.limit else { return false }
        var new = 0
        for row in rows where row >= slotOf.count || slotOf[row] < 0 {
            new += 1
            if new > Self.newRowsPerFit { return false }
        }
        return true
    }

    /// Adds each of `rows` not held yet, in order.
    mutating func add(rows: [Int], from x: SparseRows) {
        let rowCount = x.rowStart.count - 1
        if slotOf.count != rowCount { slotOf = Array(repeating: -1, count: rowCount) }
        if scratch.count != x.intercept + 1 { scratch = Array(repeating: 0, count: x.intercept + 1) }
        for row in rows where slotOf[row] < 0 {
            let slot = rowOfSlot.count
            if slot == capacity { grow() }
            rowOfSlot.append(row)
            slotOf[row] = Int32(slot)
            for entry in x.rowStart[row]..<x.rowStart[row + 1] { scratch[Int(x.columns[entry])] = Double(x.values[entry]) }
            scratch[x.intercept] = 1
            let capacity = capacity
            scratch.withUnsafeBufferPointer { dense in
                matrix.withUnsafeMutableBufferPointer { k in
                    for other in 0...slot {
                        let value = x.dot(dense, row: rowOfSlot[other])
                        k[slot * capacity + other] = value
                        k[other * capacity + slot] = value
                    }
                }
            }
            for entry in x.rowStart[row]..<x.rowStart[row + 1] { scratch[Int(x.columns[entry])] = 0 }
        }
    }

    /// Forgets `row` (its slot is taken by the last one held).
    mutating func remove(row: Int) {
        guard row < slotOf.count, slotOf[row] >= 0 else { return }
        let slot = Int(slotOf[row])
        let last = rowOfSlot.count - 1
        if slot != last {
            for other in 0..<last {
                let value = matrix[last * capacity + other]
                matrix[slot * capacity + other] = value
                matrix[other * capacity + slot] = value
            }
            matrix[slot * capacity + slot] = matrix[last * capacity + last]
            rowOfSlot[slot] = rowOfSlot[last]
            slotOf[rowOfSlot[slot]] = Int32(slot)
        }
        rowOfSlot.removeLast()
        slotOf[row] = -1
    }

    /// The coordinates of a fit on `rows` (all held), margins read from `weights` once.
    func coordinates(rows: [Int], weights: UnsafeBufferPointer<Double>, x: SparseRows) -> GramCoordinates {
        precondition(rows.count == count)
        var margins = [Double](repeating: 0, count: count)
        for (slot, row) in rowOfSlot.enumerated() { margins[slot] = x.dot(weights, row: row) }
        return GramCoordinates(
            matrix: matrix, capacity: capacity, count: count, slot: rows.map { Int(slotOf[$0]) }, margins: margins)
    }

    private mutating func grow() {
        let wider = max(64, capacity * 2)
        var grown = [Double](repeating: 0, count: wider * wider)
        for s in 0..<rowOfSlot.count {
            for t in 0..<rowOfSlot.count { grown[s * wider + t] = matrix[s * capacity + t] }
        }
        matrix = grown
        capacity = wider
    }
}

/// Margins `w · xᵢ` kept through the Gram matrix: moving `w` by `δ · xᵢ` adds `δ · Kᵢₜ` to every
/// margin `t`.
struct GramCoordinates: DualCoordinates {
    let matrix: [Double]
    let capacity: Int
    let count: Int
    /// Each training index's slot.
    let slot: [Int]
    /// By slot.
    var margins: [Double]

    @inline(__always)
    func margin(_ i: Int) -> Double { margins[slot[i]] }

    @inline(__always)
    mutating func move(_ i: Int, by delta: Double) {
        let base = slot[i] * capacity
        let count = count
        let pairs = count / 2
        let scale = SIMD2(repeating: delta)
        matrix.withUnsafeBytes { k in
            margins.withUnsafeMutableBytes { m in
                let stride = MemoryLayout<SIMD2<Double>>.stride
                for pair in 0..<pairs {
                    let offset = pair * stride
                    let row = k.loadUnaligned(fromByteOffset: base * 8 + offset, as: SIMD2<Double>.self)
                    let margin = m.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                    m.storeBytes(of: margin + scale * row, toByteOffset: offset, as: SIMD2<Double>.self)
                }
            }
        }
        if count % 2 == 1 { margins[count - 1] += delta * matrix[base + count - 1] }
    }
}
