package prep

import (
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// EvidenceFact is a piece of evidence as templates see it.
type EvidenceFact struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Note      string `json:"note"`
	MediaType string `json:"media_type"`
	Size      string `json:"size"` // "1.2 MB"
	SHA256    string `json:"sha256"`
	At        string `json:"at"`
	Image     bool   `json:"image"`
}

func evidenceFacts(lang string, es []casefile.Evidence, loc *time.Location) []EvidenceFact {
	out := make([]EvidenceFact, 0, len(es))
	for _, e := range es {
		out = append(out, EvidenceFact{ID: e.ID, Name: e.Name, Note: e.Note, MediaType: e.MediaType,
			Size: casefile.HumanSize(e.Size), SHA256: e.SHA256, At: FormatDate(lang, casefile.DateOf(e.At.In(loc)), loc),
			Image: e.IsImage() || strings.HasPrefix(e.MediaType, "image/")})
	}
	return out
}

// enclosure is what text/<lang>/enclosed.tmpl words: photos counted,
// every other file by what its note says it is, else by its name.
type enclosure struct {
	Photos int
	Others []string
}

// Enclosed words a case's evidence for the line of a letter or a sheet
// ("3 photos, order confirmation"); "" when there is none.
func Enclosed(lang string, es []EvidenceFact) (string, error) {
	if len(es) == 0 {
		return "", nil
	}
	var e enclosure
	for _, x := range es {
		switch {
		case x.Image:
			e.Photos++
		case strings.TrimSpace(x.Note) != "":
			e.Others = append(e.Others, strings.TrimSpace(x.Note))
		default:
			e.Others = append(e.Others, x.Name)
		}
	}
	s, err := Render(lang, "enclosed", e)
	return strings.TrimSpace(s), err
}
