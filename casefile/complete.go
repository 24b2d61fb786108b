package casefile

import "context"

// PendingPromises returns up to limit pending promises of every case,
// soonest due first: what shell completion offers for 'promise kept ID'.
func (s *Store) PendingPromises(ctx context.Context, limit int) ([]Promise, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+promiseColumns+" FROM promises WHERE status = 'pending' ORDER BY due, id LIMIT ?", limit)
	if err != nil {
		return nil, s.fileError(err)
	}
	return scanAll(rows, scanPromise)
}
