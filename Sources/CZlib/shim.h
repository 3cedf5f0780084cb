#ifndef NORMSCOPE_CZLIB_SHIM_H
#define NORMSCOPE_CZLIB_SHIM_H
// zlib for the PNG encoder: deflate (compress2) and crc32 come from the system's libz
// (Debian: zlib1g-dev), never from a hand-written copy.
#include <zlib.h>
#endif
