#include "cli/huge_page_heap.h"

#include <unistd.h>

#include <cstdlib>

namespace rasso::cli {

void use_huge_page_heap(char** argv) {
  if (std::getenv("GLIBC_TUNABLES") != nullptr) return;
  if (::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 0) != 0) return;
  ::execv("/proc/self/exe", argv);
  // exec failed (no /proc, say): carry on with the ordinary heap.
}

}  // namespace rasso::cli
