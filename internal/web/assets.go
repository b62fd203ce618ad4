package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// static holds our own CSS and, when `make assets` ran before the build,
// the NL Design System CSS in static/vendor (ignored by git).
//
//go:embed static
var static embed.FS

// asset is one static file, read and compressed once at start.
type asset struct {
	hashed      string // name with a content hash: vendor/utrecht.1a2b3c4d5e.css
	contentType string
	etag        string
	body, gz    []byte
}

// assets serves the static files. A URL with the content hash is cached
// for a year (it changes when the file does); the plain name is
// revalidated with its ETag.
type assets struct {
	byName   map[string]*asset // plain name → asset
	byHashed map[string]*asset // hashed name → asset
}

func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byHashed: map[string]*asset{}}
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := static.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		h := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(name)
		f := &asset{
			hashed:      strings.TrimSuffix(name, ext) + "." + h + ext,
			contentType: mime.TypeByExtension(ext),
			etag:        `"` + h + `"`,
			body:        body,
		}
		if f.gz, err = gzipBytes(body); err != nil {
			return err
		}
		a.byName[name], a.byHashed[f.hashed] = f, f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	return a, nil
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// hasVendor reports whether the NL Design System CSS is built in.
func (a *assets) hasVendor() bool {
	_, ok := a.byName["vendor/utrecht.css"]
	return ok
}

// url returns the hashed URL of a static file.
func (a *assets) url(name string) string {
	if f, ok := a.byName[name]; ok {
		return "/static/" + f.hashed
	}
	return "/static/" + name
}

func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	h := w.Header()
	f, ok := a.byHashed[name]
	if ok {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else if f, ok = a.byName[name]; ok {
		h.Set("Cache-Control", "no-cache")
	} else {
		http.NotFound(w, r)
		return
	}
	h.Set("Content-Type", f.contentType)
	h.Set("ETag", f.etag)
	h.Set("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == f.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.body
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = f.gz
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.Write(body)
}
