#pragma once
// The snapshot file: a derived copy of what the engines read from a store — the typed extract
// tables and the resolved-person assignment — written beside the store so that loading them is
// one sequential file read instead of a scan and conversion of every row. It is a cache and
// nothing else: it holds no data the store does not, it is used only when its stamp equals the
// store's current stamp (Store::snapshot_stamp), and any file that is missing, stale, truncated
// or of another format version is ignored, so deleting it never loses anything.
//
// Layout (host byte order; written and read by the same build on the same machine): a header
// (magic, format version, stamp), a table of contents with the offset, length and row count of
// each section (one per extract entity, one for the resolved assignment, one for the resolved id
// of each involvement's person record), then the sections. The
// file is written to a temporary name, flushed to disk and renamed into place, so a reader sees
// either the previous file or the new one; it is created readable by its owner only (0600), like
// the data it copies.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/entity.h"
#include "core/extract_records.h"
#include "core/result.h"

namespace rasso {

/// person_ref -> resolved id of the latest linkage run.
using ResolvedAssignment = std::unordered_map<std::string, std::uint64_t>;

/// The resolved id of each involvement's person record, by involvement row (0 for a record the
/// latest linkage run did not resolve). It lets an engine group involvements by person without a
/// lookup by reference per row.
using InvolvementResolution = std::vector<std::uint64_t>;

/// `resolved` looked up for each of `involvements`, in their order.
InvolvementResolution resolve_involvements(const std::vector<InvolvementRecord>& involvements,
                                           const ResolvedAssignment& resolved);

/// The versions of a store's contents that a snapshot was taken at (Store::snapshot_stamp).
struct SnapshotStamp {
  std::string tables;      // changes with every import and recording
  std::string resolution;  // changes with every linkage run
  bool operator==(const SnapshotStamp&) const = default;
};

/// Bumped whenever a record struct or the layout changes, so an older file is ignored.
inline constexpr std::uint32_t kSnapshotFormatVersion = 2;

/// The parts of a snapshot file one read asks for.
struct SnapshotRequest {
  std::span<const Entity> entities{};   // these tables (fresh when the tables stamp matches)
  bool resolved = false;                // the assignment (fresh when the resolution stamp matches)
  bool involvement_resolution = false;  // fresh only when both stamps match
};

/// What one read of a snapshot file returns: the requested tables (others left empty) and, if
/// requested, the resolved assignment and the involvement resolution.
struct SnapshotContents {
  ExtractTables tables;
  std::optional<ResolvedAssignment> resolved;
  std::optional<InvolvementResolution> involvement_resolution;
};

/// Writes `tables`, `resolved` and the involvement resolution derived from both as the snapshot
/// at `path`, stamped `stamp`, atomically
/// (temporary file, fsync, rename) with mode 0600. Error "file" naming the path on any I/O
/// failure; the previous file, if any, is then left as it was.
Status write_snapshot_file(const std::filesystem::path& path, const SnapshotStamp& stamp, const ExtractTables& tables,
                           const ResolvedAssignment& resolved);

/// Reads the parts `request` asks for from the snapshot at `path`, on two threads; only their
/// sections are paged in. Returns nullopt — never an error, as the caller then reads the store —
/// when the file is missing, the stamp of a part asked for differs from `stamp`'s, its format
/// version differs, or it is truncated or malformed.
std::optional<SnapshotContents> read_snapshot_file(const std::filesystem::path& path, const SnapshotStamp& stamp,
                                                   const SnapshotRequest& request);

/// The stamp recorded in the snapshot at `path`, or nullopt when there is no readable snapshot
/// of this format version there.
std::optional<SnapshotStamp> snapshot_file_stamp(const std::filesystem::path& path);

}  // namespace rasso
