package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type attachOptions struct {
	caseID int64
	files  []string
	note   string
	at     string
}

func newAttachCmd(a *app) *cobra.Command {
	opts := &attachOptions{}
	cmd := &cobra.Command{
		Use:   "attach CASE FILE...",
		Short: "Keep photos, receipts and emails with a case, with their SHA-256",
		Long: `Copy files into the case file as evidence: a photo of the damage, the
receipt, the order confirmation, an email saved as .eml or .pdf. Each is
kept with its SHA-256, size, media type and original name, so a copy you
hand over later can be shown to be the same file. The same content is
stored once however often it is attached. A file over 50 MB is refused.

--at dates the evidence when what it shows happened (the day the photo
was taken); it defaults to now. All the files are attached, or none.`,
		Example: `  redress attach 3 ~/Pictures/IMG_0042.jpg --note "the crack, on arrival" --at 2026-11-05
  redress attach 3 receipt.pdf confirmation.eml
  redress evidence 3`,
		Args: minArgs("CASE", "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			opts.files = args[1:]
			return runAttach(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.note, "note", "", "what the files show")
	cmd.Flags().StringVar(&opts.at, "at", "", "when what they show happened (default: now)")
	return cmd
}

func runAttach(a *app, opts *attachOptions) error {
	now, at, err := a.nowAndAt(opts.caseID, opts.at)
	if err != nil {
		return err
	}
	files := make([]casefile.Attachment, 0, len(opts.files))
	for _, name := range opts.files {
		data, err := a.readEvidenceFile(name)
		if err != nil {
			return err
		}
		files = append(files, casefile.Attachment{Name: name, Data: data, Note: opts.note, At: at, AddedAt: now})
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	done, err := s.Attach(a.ctx, opts.caseID, files)
	var tl *casefile.TooLargeError
	if errors.As(err, &tl) {
		return a.tooLarge(tl.Name, tl.Size)
	}
	if err != nil {
		return err
	}
	for _, e := range done {
		key := "evidence_added"
		if e.Already {
			key = "evidence_already"
		}
		fmt.Fprintln(a.stdout, msgf(a.lang, key, e.ID, e.CaseID, clean(e.Name), e.MediaType, casefile.HumanSize(e.Size)))
		fmt.Fprintln(a.stdout, "  sha256 "+e.SHA256)
	}
	return nil
}

// readEvidenceFile reads one file to attach, refusing a folder or a file
// over the limit before reading it whole.
func (a *app) readEvidenceFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, failErr(w("evidence_unreadable", clean(name), err.Error()), nohint)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, usageErr(w("evidence_folder", clean(name)), w("evidence_folder_hint"))
	}
	if st.Size() > casefile.MaxEvidenceSize {
		return nil, a.tooLarge(name, st.Size())
	}
	// A file that grows while it is read (or a pipe that reports no size)
	// is cut at one byte over the limit, and refused.
	data, err := io.ReadAll(io.LimitReader(f, casefile.MaxEvidenceSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > casefile.MaxEvidenceSize {
		return nil, a.tooLarge(name, int64(len(data)))
	}
	return data, nil
}

func (a *app) tooLarge(name string, size int64) error {
	return failErr(w("evidence_too_large", clean(name), casefile.HumanSize(size), casefile.HumanSize(casefile.MaxEvidenceSize)),
		w("evidence_too_large_hint"))
}
