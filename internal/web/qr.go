package web

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image/png"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// qrDataURL draws text as a QR code PNG (made here, on the server: the
// secret never leaves for a third-party service) and returns it as a
// data: URL, which the Content-Security-Policy allows for images. The
// page is not cached (no-store), so neither is the image.
func QRDataURL(text string) (string, error) {
	if text == "" {
		return "", nil
	}
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		return "", fmt.Errorf("qr: %w", err)
	}
	if code, err = barcode.Scale(code, 240, 240); err != nil {
		return "", fmt.Errorf("qr: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, code); err != nil {
		return "", fmt.Errorf("qr: %w", err)
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}
