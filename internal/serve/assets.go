package serve

import (
	"embed"
	"io/fs"
)

// dist is the built front-end (web/, scripts/build-web.sh), committed so
// that go build alone gives a binary that serves it.
//
//go:embed all:dist
var dist embed.FS

var assets = func() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	return sub
}()
