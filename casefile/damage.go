package casefile

import (
	"encoding/binary"
	"fmt"
	"os"
)

// checkSize refuses a case file that is shorter than its own header says,
// before SQLite sees it. SQLite reads the missing end of a truncated file
// as zeros and will then happily write into it, so a file that lost its
// last few hundred bytes (a failed copy, a full disk during a sync) would
// be "repaired" by the next note with the lost rows silently gone.
//
// Facts from https://sqlite.org/fileformat.html: page size at 16 (1 means
// 65536), change counter at 24, page count at 28, valid only when the
// counter equals the version-valid-for number at 92. A non-empty -wal file
// means the header may be ahead of the file legitimately (a checkpoint cut
// short by a crash, which SQLite finishes from the WAL), so then the check
// is left to SQLite.
func checkSize(path string, h []byte, size int64) error {
	pageSize := int64(binary.BigEndian.Uint16(h[16:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return damaged(path, fmt.Sprintf("page size %d", pageSize) /* words:ok a figure after err_damaged */)
	}
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return nil
	}
	if size%pageSize != 0 {
		return damaged(path, fmt.Sprintf("%d bytes, page size %d", size, pageSize) /* words:ok figures after err_damaged */)
	}
	pages := int64(binary.BigEndian.Uint32(h[28:]))
	valid := pages > 0 && binary.BigEndian.Uint32(h[24:]) == binary.BigEndian.Uint32(h[92:])
	if valid && size < pages*pageSize {
		return damaged(path, fmt.Sprintf("%d of %d bytes", size, pages*pageSize))
	}
	return nil
}

func damaged(path, why string) error {
	return &FileError{Path: path, Err: ErrDamaged, Detail: why}
}

// Problems with the case file itself, wrapped in a FileError. Their text
// is for logs: the commands print the words of the catalog for each.
var (
	ErrDamaged     error = NewMessage("err_damaged")
	ErrReadOnly    error = NewMessage("err_read_only")
	ErrCannotOpen  error = NewMessage("err_cannot_open")
	ErrDiskFull    error = NewMessage("err_disk_full")
	ErrCannotWrite error = NewMessage("err_cannot_write_file")
)
