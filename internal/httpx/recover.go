package httpx

import (
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
)

// Recover answers 500 with a short Dutch text when a handler panics and
// logs the panic with its stack for the operator. The client never sees the
// stack or the panic value. http.ErrAbortHandler passes through: it is the
// standard way to abort a response on purpose.
func Recover(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := newRecorder(w)
			defer func() {
				v := recover()
				if v == nil {
					return
				}
				if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(v)
				}
				log.Error("paniek in handler", "method", r.Method, "route", Route(r),
					"panic", v, "stack", string(debug.Stack()))
				if rec.wroteHeader() {
					return // too late for a 500; the client sees a cut-off answer
				}
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.Header().Set("X-Content-Type-Options", "nosniff")
				w.WriteHeader(http.StatusInternalServerError)
				w.Write([]byte("Er ging iets mis aan onze kant. Probeer het later opnieuw. / Something went wrong on our side.\n"))
			}()
			next.ServeHTTP(rec, r)
		})
	}
}
