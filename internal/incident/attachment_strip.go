package incident

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
)

// Images are stripped of everything but what it takes to show them. Photos
// carry EXIF (GPS position, camera serial, time), XMP and IPTC blocks; a
// photo of a threatening letter taken at home would otherwise give away
// the home address to everyone who later reads the file, the suspect
// included. The pixels are kept bit for bit (no re-encoding): the image is
// evidence, and a re-encoded JPEG is a different picture.

var errBadImage = errors.New("image: malformed")

// stripImage returns data without metadata for JPEG and PNG, and data
// unchanged for other types.
func stripImage(contentType string, data []byte) ([]byte, error) {
	switch contentType {
	case TypeJPEG:
		return stripJPEG(data)
	case TypePNG:
		return stripPNG(data)
	}
	return data, nil
}

// stripJPEG walks the marker segments and keeps only those needed to
// decode: APP0 (JFIF), APP2 ICC colour profiles and APP14 (Adobe colour
// transform) among the application segments; every other APPn (APP1
// EXIF/XMP, APP13 IPTC, APP2 multi-picture, ...) and comments are dropped,
// also between the scans of a progressive JPEG. Anything after the
// end-of-image marker (phones append thumbnails and depth maps there) is
// cut off.
func stripJPEG(data []byte) ([]byte, error) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil, errBadImage
	}
	out := bytes.NewBuffer(make([]byte, 0, len(data)))
	out.Write(data[:2])
	i := 2
	for {
		for i+1 < len(data) && data[i] == 0xFF && data[i+1] == 0xFF {
			i++ // fill bytes before a marker
		}
		if i+2 > len(data) || data[i] != 0xFF {
			return nil, errBadImage
		}
		marker := data[i+1]
		if marker == 0xD9 { // EOI
			out.Write(data[i : i+2])
			return out.Bytes(), nil
		}
		if i+4 > len(data) {
			return nil, errBadImage
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return nil, errBadImage
		}
		seg := data[i : i+2+n]
		i += 2 + n
		if !keepJPEGSegment(marker, seg[4:]) {
			continue
		}
		out.Write(seg)
		if marker == 0xDA { // start of scan: entropy-coded data follows
			end := scanEnd(data, i)
			out.Write(data[i:end])
			i = end
		}
	}
}

// scanEnd returns where the entropy-coded data starting at i ends: at the
// first marker that is not byte stuffing (FF 00) or a restart (FF D0-D7).
func scanEnd(data []byte, i int) int {
	for i+1 < len(data) {
		if data[i] == 0xFF {
			m := data[i+1]
			if m != 0x00 && (m < 0xD0 || m > 0xD7) {
				return i
			}
			i += 2
			continue
		}
		i++
	}
	return len(data)
}

func keepJPEGSegment(marker byte, payload []byte) bool {
	switch {
	case marker == 0xFE: // COM
		return false
	case marker == 0xE0:
		return bytes.HasPrefix(payload, []byte("JFIF\x00")) || bytes.HasPrefix(payload, []byte("JFXX\x00"))
	case marker == 0xE2:
		return bytes.HasPrefix(payload, []byte("ICC_PROFILE\x00"))
	case marker == 0xEE:
		return bytes.HasPrefix(payload, []byte("Adobe"))
	case marker >= 0xE0 && marker <= 0xEF:
		return false
	}
	return true
}

// pngKeep lists the PNG chunks needed to show the picture as intended.
// Everything else — tEXt, zTXt, iTXt (XMP lives there), eXIf, tIME and any
// private chunk — is dropped.
var pngKeep = map[string]bool{
	"IHDR": true, "PLTE": true, "IDAT": true, "IEND": true,
	"tRNS": true, "gAMA": true, "cHRM": true, "sRGB": true, "iCCP": true,
	"sBIT": true, "bKGD": true, "pHYs": true,
	"acTL": true, "fcTL": true, "fdAT": true, // animated PNG frames
}

// stripPNG copies the signature and the kept chunks, checking each CRC,
// and stops at IEND (dropping anything appended after it).
func stripPNG(data []byte) ([]byte, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if !bytes.HasPrefix(data, []byte(sig)) {
		return nil, errBadImage
	}
	out := bytes.NewBuffer(make([]byte, 0, len(data)))
	out.WriteString(sig)
	i := len(sig)
	for i+12 <= len(data) {
		n := int(binary.BigEndian.Uint32(data[i:]))
		if n < 0 || n > len(data)-i-12 {
			return nil, errBadImage
		}
		typ := string(data[i+4 : i+8])
		chunk := data[i : i+12+n]
		if crc32.ChecksumIEEE(chunk[4:8+n]) != binary.BigEndian.Uint32(chunk[8+n:]) {
			return nil, errBadImage
		}
		if pngKeep[typ] {
			out.Write(chunk)
		}
		if typ == "IEND" {
			return out.Bytes(), nil
		}
		i += 12 + n
	}
	return nil, errBadImage
}
