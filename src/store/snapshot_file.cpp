#include "store/snapshot_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstdio>
#include <cstring>
#include <future>
#include <type_traits>
#include <vector>

namespace rasso {
namespace {

constexpr std::array<char, 8> kMagic = {'R', 'A', 'S', 'S', 'O', 'S', 'N', 'P'};
// Section ids: an entity's is its enum value; the resolved assignment's and the involvement
// resolution's are these.
constexpr std::uint32_t kResolvedSection = 100;
constexpr std::uint32_t kInvolvementResolutionSection = 101;

// A record field added without adding it to fields() below would silently be lost from the
// snapshot; these sizes make that a compile error (update fields(), the size, and the format).
static_assert(sizeof(CrimeRecord) == 280 && sizeof(PersonRecord) == 176 && sizeof(InvolvementRecord) == 152 &&
                  sizeof(ArrestRecord) == 112 && sizeof(BailPeriodRecord) == 168 && sizeof(OrderRecord) == 216 &&
                  sizeof(BreachRecord) == 216 && sizeof(VictimContactRecord) == 112 && sizeof(BiometricRecord) == 168 &&
                  sizeof(OfficerRecord) == 176 && sizeof(UnitRecord) == 128 && sizeof(TrainingRecord) == 112,
              "an extract record changed: list its fields in snapshot_file.cpp and bump kSnapshotFormatVersion");

struct TocEntry {
  std::uint32_t section = 0;
  std::uint32_t reserved = 0;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  std::uint64_t rows = 0;
};

// --- The fields of each record, in file order: one list serves writing and reading. ----------

template <typename R, typename Record>
concept RecordOf = std::same_as<std::remove_const_t<R>, Record>;

template <typename A, RecordOf<CrimeRecord> R>
void fields(A& a, R& r) {
  a(r.crime_ref, r.force_code, r.offence_code, r.reported_date, r.child_victim, r.outcome_code, r.outcome_date,
    r.officer_ref, r.unit_ref, r.recorded_date, r.committed_date, r.committed_minute, r.postcode_district, r.lsoa_code,
    r.domestic_abuse, r.online);
}
template <typename A, RecordOf<PersonRecord> R>
void fields(A& a, R& r) {
  a(r.person_ref, r.force_code, r.disabled, r.sex, r.ethnicity, r.disability, r.dob);
}
template <typename A, RecordOf<InvolvementRecord> R>
void fields(A& a, R& r) {
  a(r.crime_ref, r.person_ref, r.role, r.suspect_status, r.age_at_offence, r.relationship_to_victim, r.named_date);
}
template <typename A, RecordOf<ArrestRecord> R>
void fields(A& a, R& r) {
  a(r.arrest_ref, r.crime_ref, r.person_ref, r.arrest_date, r.disposal, r.disposal_date);
}
template <typename A, RecordOf<BailPeriodRecord> R>
void fields(A& a, R& r) {
  a(r.bail_ref, r.arrest_ref, r.period_number, r.start_date, r.end_date, r.authorised_by, r.authorised_date,
    r.conditions, r.victim_views_sought, r.ended_date, r.end_reason);
}
template <typename A, RecordOf<OrderRecord> R>
void fields(A& a, R& r) {
  a(r.order_ref, r.order_type, r.subject_person_ref, r.protected_person_refs, r.crime_ref, r.status, r.start_date,
    r.end_date, r.until_further_order, r.applied_date, r.basis);
}
template <typename A, RecordOf<BreachRecord> R>
void fields(A& a, R& r) {
  a(r.breach_ref, r.breach_of, r.bail_ref, r.order_ref, r.person_ref, r.occurred_date, r.reported_date, r.response,
    r.response_date, r.new_crime_ref);
}
template <typename A, RecordOf<VictimContactRecord> R>
void fields(A& a, R& r) {
  a(r.crime_ref, r.person_ref, r.contact_date, r.purpose, r.agreed_frequency_days, r.officer_ref);
}
template <typename A, RecordOf<BiometricRecord> R>
void fields(A& a, R& r) {
  a(r.biometric_ref, r.person_ref, r.arrest_ref, r.samples_taken_date, r.dna_taken, r.fingerprints_taken,
    r.previous_convictions, r.no_charge_date, r.ground, r.application_date, r.decision, r.decision_date);
}
template <typename A, RecordOf<OfficerRecord> R>
void fields(A& a, R& r) {
  a(r.officer_ref, r.force_code, r.unit_ref, r.rank, r.role, r.start_date, r.leave_date);
}
template <typename A, RecordOf<UnitRecord> R>
void fields(A& a, R& r) {
  a(r.unit_ref, r.force_code, r.name, r.unit_type);
}
template <typename A, RecordOf<TrainingRecord> R>
void fields(A& a, R& r) {
  a(r.training_ref, r.officer_ref, r.course_code, r.completed_date, r.expiry_date);
}

// The table of `tables` that holds `entity`'s records, passed to `use` (a generic callable).
template <typename Tables, typename Use>
void with_table(Tables& tables, Entity entity, Use&& use) {
  switch (entity) {
    case Entity::Units: return use(tables.units);
    case Entity::Officers: return use(tables.officers);
    case Entity::Crimes: return use(tables.crimes);
    case Entity::Persons: return use(tables.persons);
    case Entity::Involvements: return use(tables.involvements);
    case Entity::Arrests: return use(tables.arrests);
    case Entity::Bail: return use(tables.bail_periods);
    case Entity::Orders: return use(tables.orders);
    case Entity::Breaches: return use(tables.breaches);
    case Entity::VictimContacts: return use(tables.victim_contacts);
    case Entity::Biometrics: return use(tables.biometrics);
    case Entity::Training: return use(tables.training);
  }
}

// --- Writing ---------------------------------------------------------------------------------

class FileWriter {
 public:
  explicit FileWriter(std::FILE* file) : file_(file) {}

  void bytes(const void* data, std::size_t size) {
    if (size != 0 && std::fwrite(data, 1, size, file_) != size) failed_ = true;
    position_ += size;
  }
  template <typename T>
    requires std::is_trivially_copyable_v<T>
  void raw(const T& value) {
    bytes(&value, sizeof value);
  }

  void field(const std::string& text) {
    raw(static_cast<std::uint32_t>(text.size()));
    bytes(text.data(), text.size());
  }
  void field(CivilDate date) { raw(date.days_since_epoch()); }
  void field(bool flag) { raw(static_cast<std::uint8_t>(flag ? 1 : 0)); }
  void field(int number) { raw(static_cast<std::int32_t>(number)); }
  template <typename E>
    requires std::is_enum_v<E>
  void field(E value) {
    raw(static_cast<std::int32_t>(value));
  }
  template <typename T>
  void field(const std::optional<T>& value) {
    field(value.has_value());
    if (value) field(*value);
  }
  void field(const std::vector<std::string>& list) {
    raw(static_cast<std::uint32_t>(list.size()));
    for (const std::string& item : list) field(item);
  }
  template <typename... F>
  void operator()(const F&... values) {
    (field(values), ...);
  }

  std::uint64_t position() const { return position_; }
  bool failed() const { return failed_; }

 private:
  std::FILE* file_;
  std::uint64_t position_ = 0;
  bool failed_ = false;
};

Error file_error(const std::filesystem::path& path, std::string_view what) {
  return Error{"file", "cannot write the snapshot " + path.string() + ": " + std::string(what) + " (" +
                           std::strerror(errno) + ")"};
}

// Writes the whole file to the open `file`; the table of contents is written twice, first as a
// zeroed entry per section, then again with the sections' offsets once they are known.
bool write_contents(std::FILE* file, const SnapshotStamp& stamp, const ExtractTables& tables,
                    const ResolvedAssignment& resolved) {
  FileWriter out(file);
  out.bytes(kMagic.data(), kMagic.size());
  out.raw(kSnapshotFormatVersion);
  out.field(stamp.tables);
  out.field(stamp.resolution);
  std::vector<TocEntry> toc(kEntitiesInLoadOrder.size() + 2);
  out.raw(static_cast<std::uint32_t>(toc.size()));
  const long toc_at = static_cast<long>(out.position());
  out.bytes(toc.data(), toc.size() * sizeof(TocEntry));

  std::size_t next = 0;
  for (Entity entity : kEntitiesInLoadOrder) {
    TocEntry& entry = toc[next++];
    entry.section = static_cast<std::uint32_t>(entity);
    entry.offset = out.position();
    with_table(tables, entity, [&](const auto& rows) {
      entry.rows = rows.size();
      for (const auto& record : rows) fields(out, record);
    });
    entry.length = out.position() - entry.offset;
  }
  TocEntry& entry = toc[next++];
  entry.section = kResolvedSection;
  entry.offset = out.position();
  entry.rows = resolved.size();
  for (const auto& [person_ref, resolved_id] : resolved) {
    out.field(person_ref);
    out.raw(resolved_id);
  }
  entry.length = out.position() - entry.offset;

  const InvolvementResolution ids = resolve_involvements(tables.involvements, resolved);
  TocEntry& ids_entry = toc[next];
  ids_entry.section = kInvolvementResolutionSection;
  ids_entry.offset = out.position();
  ids_entry.rows = ids.size();
  out.bytes(ids.data(), ids.size() * sizeof(std::uint64_t));
  ids_entry.length = out.position() - ids_entry.offset;

  if (out.failed() || std::fseek(file, toc_at, SEEK_SET) != 0) return false;
  return std::fwrite(toc.data(), sizeof(TocEntry), toc.size(), file) == toc.size();
}

// --- Reading ---------------------------------------------------------------------------------

// Reads values from one section; any read past its end marks it failed (the file is ignored).
class SectionReader {
 public:
  SectionReader(const char* begin, const char* end) : position_(begin), end_(end) {}

  template <typename T>
    requires std::is_trivially_copyable_v<T>
  T raw() {
    T value{};
    if (static_cast<std::size_t>(end_ - position_) < sizeof value) {
      failed_ = true;
      return value;
    }
    std::memcpy(&value, position_, sizeof value);
    position_ += sizeof value;
    return value;
  }

  void field(std::string& text) {
    const auto size = raw<std::uint32_t>();
    if (static_cast<std::size_t>(end_ - position_) < size) {
      failed_ = true;
      return;
    }
    text.assign(position_, size);
    position_ += size;
  }
  void field(CivilDate& date) { date = CivilDate::from_days(raw<std::int32_t>()); }
  void field(bool& flag) { flag = raw<std::uint8_t>() != 0; }
  void field(int& number) { number = raw<std::int32_t>(); }
  template <typename E>
    requires std::is_enum_v<E>
  void field(E& value) {
    value = static_cast<E>(raw<std::int32_t>());
  }
  template <typename T>
  void field(std::optional<T>& value) {
    bool present = false;
    field(present);
    if (!present) {
      value.reset();
      return;
    }
    T inner = empty_value<T>();
    field(inner);
    value = inner;
  }
  void field(std::vector<std::string>& list) {
    const auto size = raw<std::uint32_t>();
    list.clear();
    for (std::uint32_t i = 0; i < size && !failed_; ++i) field(list.emplace_back());
  }
  template <typename... F>
  void operator()(F&... values) {
    (field(values), ...);
  }

  bool failed() const { return failed_; }
  bool at_end() const { return position_ == end_; }

 private:
  template <typename T>
  static T empty_value() {
    if constexpr (std::is_same_v<T, CivilDate>) {
      return CivilDate::from_days(0);
    } else {
      return T{};
    }
  }

  const char* position_;
  const char* end_;
  bool failed_ = false;
};

// A read-only mapping of a whole file, unmapped on destruction. Pages are faulted in on first
// touch, or up front, a range at a time, with populate().
class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return;
    struct stat status{};
    if (::fstat(descriptor, &status) == 0 && status.st_size > 0) {
      void* mapped = ::mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0);
      if (mapped != MAP_FAILED) {
        data_ = static_cast<const char*>(mapped);
        size_ = static_cast<std::size_t>(status.st_size);
      }
    }
    ::close(descriptor);
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const char* data() const { return data_; }
  std::size_t size() const { return size_; }

  // Maps every page of [offset, offset + length) now: one call instead of a fault per page, and
  // only for the sections a read needs (a command reading two tables leaves the rest unmapped).
  // A kernel without MADV_POPULATE_READ (before Linux 5.14) faults the pages in as they are read.
  void populate(std::uint64_t offset, std::uint64_t length) const {
#ifdef MADV_POPULATE_READ
    const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    const std::uint64_t begin = offset / page * page;
    if (data_ == nullptr || length == 0 || offset + length > size_) return;
    ::madvise(const_cast<char*>(data_) + begin, offset + length - begin, MADV_POPULATE_READ);
#else
    (void)offset;
    (void)length;
#endif
  }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

struct Header {
  SnapshotStamp stamp;
  std::vector<TocEntry> toc;
};

// The header of `file` if it is a snapshot of this format whose sections all lie inside it.
std::optional<Header> read_header(const MappedFile& file) {
  if (file.data() == nullptr) return std::nullopt;
  SectionReader in(file.data(), file.data() + file.size());
  const auto magic = in.raw<std::array<char, 8>>();
  if (magic != kMagic || in.raw<std::uint32_t>() != kSnapshotFormatVersion) return std::nullopt;
  Header header;
  in.field(header.stamp.tables);
  in.field(header.stamp.resolution);
  const auto sections = in.raw<std::uint32_t>();
  if (in.failed() || sections > 64) return std::nullopt;
  for (std::uint32_t i = 0; i < sections; ++i) header.toc.push_back(in.raw<TocEntry>());
  if (in.failed()) return std::nullopt;
  for (const TocEntry& entry : header.toc) {
    if (entry.offset > file.size() || entry.length > file.size() - entry.offset) return std::nullopt;
  }
  return header;
}

const TocEntry* find_section(const Header& header, std::uint32_t section) {
  const auto found = std::find_if(header.toc.begin(), header.toc.end(),
                                  [section](const TocEntry& entry) { return entry.section == section; });
  return found == header.toc.end() ? nullptr : &*found;
}

// Reads the sections `wanted` into `into`; false when any of them is missing or malformed.
bool read_sections(const MappedFile& file, const Header& header, std::span<const std::uint32_t> wanted,
                   SnapshotContents& into) {
  for (const std::uint32_t section : wanted) {
    const TocEntry* entry = find_section(header, section);
    if (entry == nullptr || entry->rows > entry->length) return false;
    file.populate(entry->offset, entry->length);
    SectionReader in(file.data() + entry->offset, file.data() + entry->offset + entry->length);
    if (section == kInvolvementResolutionSection) {
      if (entry->length != entry->rows * sizeof(std::uint64_t)) return false;
      InvolvementResolution ids(entry->rows);
      std::memcpy(ids.data(), file.data() + entry->offset, entry->length);
      into.involvement_resolution = std::move(ids);
      continue;
    }
    if (section == kResolvedSection) {
      ResolvedAssignment resolved;
      resolved.reserve(entry->rows);
      for (std::uint64_t row = 0; row < entry->rows && !in.failed(); ++row) {
        std::string person_ref;
        in.field(person_ref);
        const auto resolved_id = in.raw<std::uint64_t>();
        resolved.emplace(std::move(person_ref), resolved_id);
      }
      into.resolved = std::move(resolved);
    } else {
      with_table(into.tables, static_cast<Entity>(section), [&](auto& rows) {
        // Decoded into one record and moved in, so each row's memory is written once.
        rows.reserve(entry->rows);
        typename std::remove_reference_t<decltype(rows)>::value_type record;
        for (std::uint64_t row = 0; row < entry->rows && !in.failed(); ++row) {
          fields(in, record);
          rows.push_back(std::move(record));
        }
      });
    }
    if (in.failed() || !in.at_end()) return false;
  }
  return true;
}

// Moves every table that `part` read into `into` (each section is read by one part only).
void merge_contents(SnapshotContents& into, SnapshotContents& part) {
  for (Entity entity : kEntitiesInLoadOrder) {
    with_table(part.tables, entity, [&](auto& from) {
      with_table(into.tables, entity, [&](auto& to) {
        if constexpr (std::is_same_v<decltype(from), decltype(to)>) {
          if (!from.empty()) to = std::move(from);
        }
      });
    });
  }
  if (part.resolved) into.resolved = std::move(part.resolved);
  if (part.involvement_resolution) into.involvement_resolution = std::move(part.involvement_resolution);
}

}  // namespace

InvolvementResolution resolve_involvements(const std::vector<InvolvementRecord>& involvements,
                                           const ResolvedAssignment& resolved) {
  InvolvementResolution ids(involvements.size(), 0);
  if (resolved.empty()) return ids;
  for (std::size_t row = 0; row < involvements.size(); ++row) {
    const auto found = resolved.find(involvements[row].person_ref);
    if (found != resolved.end()) ids[row] = found->second;
  }
  return ids;
}

Status write_snapshot_file(const std::filesystem::path& path, const SnapshotStamp& stamp, const ExtractTables& tables,
                           const ResolvedAssignment& resolved) {
  const std::filesystem::path temporary = path.string() + ".tmp" + std::to_string(::getpid());
  const int descriptor = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (descriptor < 0) return file_error(temporary, "cannot create it");
  std::FILE* file = ::fdopen(descriptor, "wb");
  if (file == nullptr) {
    ::close(descriptor);
    return file_error(temporary, "cannot open it");
  }
  std::vector<char> buffer(1 << 20);
  std::setvbuf(file, buffer.data(), _IOFBF, buffer.size());
  const bool written = write_contents(file, stamp, tables, resolved) && std::fflush(file) == 0 && ::fsync(descriptor) == 0;
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) {
    const Error error = file_error(temporary, "write failed");
    std::filesystem::remove(temporary);
    return error;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const Error error = file_error(path, "cannot rename it into place");
    std::filesystem::remove(temporary);
    return error;
  }
  return ok_status();
}

std::optional<SnapshotContents> read_snapshot_file(const std::filesystem::path& path, const SnapshotStamp& stamp,
                                                   const SnapshotRequest& request) {
  const MappedFile file(path);
  const auto header = read_header(file);
  if (!header) return std::nullopt;
  const bool tables_fresh = header->stamp.tables == stamp.tables;
  const bool resolution_fresh = header->stamp.resolution == stamp.resolution;
  if (!request.entities.empty() && !tables_fresh) return std::nullopt;
  if (request.resolved && !resolution_fresh) return std::nullopt;
  if (request.involvement_resolution && !(tables_fresh && resolution_fresh)) return std::nullopt;

  // Two halves of about equal bytes, read on two threads.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_length;
  auto add = [&](std::uint32_t section) {
    const TocEntry* entry = find_section(*header, section);
    by_length.emplace_back(entry == nullptr ? 0 : entry->length, section);
  };
  for (Entity entity : request.entities) add(static_cast<std::uint32_t>(entity));
  if (request.resolved) add(kResolvedSection);
  if (request.involvement_resolution) add(kInvolvementResolutionSection);
  std::sort(by_length.rbegin(), by_length.rend());
  std::array<std::vector<std::uint32_t>, 2> halves;
  std::array<std::uint64_t, 2> half_bytes{0, 0};
  for (const auto& [length, section] : by_length) {
    const std::size_t lighter = half_bytes[0] <= half_bytes[1] ? 0 : 1;
    halves[lighter].push_back(section);
    half_bytes[lighter] += length;
  }
  SnapshotContents second_part;
  auto second = std::async(std::launch::async, [&] { return read_sections(file, *header, halves[1], second_part); });
  SnapshotContents contents;
  const bool first_ok = read_sections(file, *header, halves[0], contents);
  if (!second.get() || !first_ok) return std::nullopt;
  merge_contents(contents, second_part);
  return contents;
}

std::optional<SnapshotStamp> snapshot_file_stamp(const std::filesystem::path& path) {
  const MappedFile file(path);
  auto header = read_header(file);
  if (!header) return std::nullopt;
  return std::move(header->stamp);
}

}  // namespace rasso
