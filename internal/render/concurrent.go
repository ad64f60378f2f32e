package render

import (
	"errors"
	"sync"
)

// Concurrently runs independent renderers at once and returns their files
// in the order of the renderers (not of completion), so the output does
// not depend on scheduling; the errors of all that failed are joined.
func Concurrently(jobs ...func() ([]File, error)) ([]File, error) {
	out := make([][]File, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Go(func() { out[i], errs[i] = job() })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var files []File
	for _, f := range out {
		files = append(files, f...)
	}
	return files, nil
}
