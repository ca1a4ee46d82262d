#pragma once
// The heap on transparent huge pages. The server and the engines hold the whole store in memory
// (3 GB at 1 M crimes); faulting that in 4 KiB at a time is a large share of their start-up.
// glibc backs malloc with huge pages only through a tunable read when a process starts, so the
// command sets it and executes itself again, once.

namespace rasso::cli {

/// Unless GLIBC_TUNABLES is already set (an administrator's choice is kept), sets it to
/// "glibc.malloc.hugetlb=1" and re-executes this program with `argv`. Returns only when it did
/// not re-execute (the variable was set, or exec failed — the command then runs as it is).
void use_huge_page_heap(char** argv);

}  // namespace rasso::cli
