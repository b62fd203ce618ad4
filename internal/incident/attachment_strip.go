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
// decode (plus a fresh EXIF block with nothing but the orientation, when
// the photo had one): APP0 (JFIF), APP2 ICC colour profiles and APP14 (Adobe colour
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
			if o, ok := exifOrientation(marker, seg[4:]); ok && o != 1 {
				out.Write(orientationSegment(o))
			}
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

// exifOrientation reads the Orientation tag (0x0112) from IFD0 of an APP1
// EXIF segment. Phones store a portrait photo sideways and set this tag;
// without it the evidence would show rotated.
func exifOrientation(marker byte, payload []byte) (uint16, bool) {
	if marker != 0xE1 || !bytes.HasPrefix(payload, []byte("Exif\x00\x00")) {
		return 0, false
	}
	tiff := payload[6:]
	if len(tiff) < 8 {
		return 0, false
	}
	var order binary.ByteOrder
	switch string(tiff[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 0, false
	}
	ifd := int(order.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > len(tiff) {
		return 0, false
	}
	count := int(order.Uint16(tiff[ifd:]))
	for e := 0; e < count; e++ {
		at := ifd + 2 + 12*e
		if at+12 > len(tiff) {
			return 0, false
		}
		if order.Uint16(tiff[at:]) == 0x0112 && order.Uint16(tiff[at+2:]) == 3 {
			o := order.Uint16(tiff[at+8:])
			return o, o >= 1 && o <= 8
		}
	}
	return 0, false
}

// orientationSegment is an APP1 EXIF segment holding only the orientation:
// the one tag a viewer needs, and nothing about where or with what.
func orientationSegment(o uint16) []byte {
	seg := []byte{0xFF, 0xE1, 0, 0}
	seg = append(seg, "Exif\x00\x00MM\x00*"...)
	seg = binary.BigEndian.AppendUint32(seg, 8) // IFD0 right after the header
	seg = binary.BigEndian.AppendUint16(seg, 1) // one entry
	seg = binary.BigEndian.AppendUint16(seg, 0x0112)
	seg = binary.BigEndian.AppendUint16(seg, 3) // SHORT
	seg = binary.BigEndian.AppendUint32(seg, 1)
	seg = binary.BigEndian.AppendUint16(seg, o)
	seg = binary.BigEndian.AppendUint16(seg, 0)
	seg = binary.BigEndian.AppendUint32(seg, 0) // no next IFD
	binary.BigEndian.PutUint16(seg[2:], uint16(len(seg)-2))
	return seg
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
