#pragma once

// The server database's schema (accounts and tickets together, SQLite or PostgreSQL) as one
// ordered list of numbered migrations. Its version is SQLite's PRAGMA user_version, or on
// PostgreSQL the highest row of the table schema_migrations(version, migrated_ms). Databases
// written before versions existed are recognised by their tables: those with every table of
// version 1 are at version 1 (SQLite ones also say user_version = 1).
//
// migrate() runs at every start (Accounts::open and ServerStore::open both call it): it reads the
// version without writing; a current database is left alone, a database from a newer pultd is
// refused with Status::FutureSchema and left untouched, and otherwise each missing step runs in
// its own transaction under the writers' lock (Db::Connection::lockWriters), which also records
// the new version, so that several pultd starting on one PostgreSQL database at once migrate
// once, and a step that fails leaves the previous version. Each step is logged
// ("schema_migrated" with "from" and "to").

#include "storedb.h"

#include <filesystem>

namespace Pult::ServerSchema {

// The newest version this pultd knows.
int latestVersion();

// The database's version, read without writing anything: 0 for an empty database.
Result<int> version(Db::Connection &db);

// The refusal of a database at `version`, written by a newer pultd.
Status futureSchema(int version);

// Brings the database to latestVersion(). dataDirectory: where data migrations put files
// (DATA/attachments).
Status migrate(Db::Connection &db, const std::filesystem::path &dataDirectory);

// A connection to the server database (DATA/server.db, or PostgreSQL at url) brought to
// latestVersion(): what Accounts, ServerStore and Mailboxes each open.
Result<std::unique_ptr<Db::Connection>> openMigrated(const std::filesystem::path &dataDirectory,
                                                     const QString &url);

} // namespace Pult::ServerSchema
