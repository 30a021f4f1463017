import HummingbirdBcrypt

/// How livrev stores and checks passwords: bcrypt, salted, slow on purpose.
///
/// Cost 10 (2¹⁰ rounds, about 60 ms on a server core) is OWASP's floor for bcrypt; the cost is part
/// of each hash, so raising it later leaves old hashes working.
///
/// Source: Provos & Mazières, "A Future-Adaptable Password Scheme" (USENIX 1999);
/// https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
package enum PasswordHashing {
    /// The bcrypt cost of new hashes.
    package static let cost: UInt8 = 10

    /// A new salted hash of `password` (`$2b$…`).
    package static func hash(_ password: String, cost: UInt8 = cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`. Without a hash (no account, or an account with no
    /// password) it still spends one hash's time, so that timing does not tell the two apart.
    package static func verify(_ password: String, hash: String?) -> Bool {
        guard let hash else {
            _ = Bcrypt.verify(password, hash: absentHash)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    private static let absentHash = Bcrypt.hash("no account", cost: cost)
}
