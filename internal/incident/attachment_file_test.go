package incident

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

// testImage is a small picture with some structure, so the encoders write
// real entropy-coded data.
func testImage() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for y := 0; y < 16; y++ {
		for x := 0; x < 24; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 10), uint8(y * 15), uint8(x * y), 255})
		}
	}
	return img
}

func testJPEG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testImage(), &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testPNG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, testImage()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// gpsLatitude is 52°5'12.34" — the bytes of these rationals must not
// survive stripping.
var gpsLatitude = []uint32{52, 1, 5, 1, 1234, 100}

// exifWithGPS builds a big-endian TIFF block with IFD0 pointing at a GPS
// IFD holding GPSLatitudeRef "N" and GPSLatitude, as a phone camera writes.
func exifWithGPS() []byte {
	var b bytes.Buffer
	w := func(v any) { binary.Write(&b, binary.BigEndian, v) }
	b.WriteString("Exif\x00\x00")
	b.WriteString("MM\x00\x2A")
	w(uint32(8))
	// IFD0 at 8: two entries, Orientation 6 (rotate 90°) and GPSInfo
	// (0x8825, LONG) -> 38.
	w(uint16(2))
	w(uint16(0x0112))
	w(uint16(3))
	w(uint32(1))
	w(uint16(6))
	w(uint16(0))
	w(uint16(0x8825))
	w(uint16(4))
	w(uint32(1))
	w(uint32(38))
	w(uint32(0))
	// GPS IFD at 38: two entries; rationals at 38+2+24+4 = 68.
	w(uint16(2))
	w(uint16(1)) // GPSLatitudeRef
	w(uint16(2)) // ASCII
	w(uint32(2))
	b.WriteString("N\x00\x00\x00")
	w(uint16(2)) // GPSLatitude
	w(uint16(5)) // RATIONAL
	w(uint32(3))
	w(uint32(68))
	w(uint32(0))
	for _, v := range gpsLatitude {
		w(v)
	}
	return b.Bytes()
}

func jpegSegment(marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// jpegWithMetadata puts EXIF with GPS, XMP and a comment right after SOI,
// and a trailer after EOI, the way phones do.
func jpegWithMetadata(t testing.TB) []byte {
	plain := testJPEG(t)
	var b bytes.Buffer
	b.Write(plain[:2])
	b.Write(jpegSegment(0xE1, exifWithGPS()))
	b.Write(jpegSegment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><exif:GPSLatitude>52,5.2N</exif:GPSLatitude></x:xmpmeta>")))
	b.Write(jpegSegment(0xFE, []byte("Thuisadres Voorbeeldstraat 1")))
	b.Write(plain[2:])
	b.WriteString("TRAILER-DEPTHMAP-GPS")
	return b.Bytes()
}

func gpsBytes() []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, gpsLatitude)
	return b.Bytes()
}

func samePixels(t *testing.T, a, b image.Image) {
	t.Helper()
	if a.Bounds() != b.Bounds() {
		t.Fatalf("bounds %v != %v", a.Bounds(), b.Bounds())
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				t.Fatalf("pixel %d,%d differs: %v vs %v", x, y, a.At(x, y), b.At(x, y))
			}
		}
	}
}

func TestJPEGWithGPSExifComesOutWithoutItAndWithTheSamePixels(t *testing.T) {
	in := jpegWithMetadata(t)
	if !bytes.Contains(in, gpsBytes()) {
		t.Fatal("test JPEG lacks the GPS bytes it should carry")
	}
	files, err := prepareUploads(0, 0, []Upload{{Filename: "IMG_0001.JPG", Data: in}})
	if err != nil {
		t.Fatal(err)
	}
	out := files[0].Data
	for _, leak := range [][]byte{gpsBytes(), {0x88, 0x25}, []byte("GPSLatitude"), []byte("xmpmeta"), []byte("Voorbeeldstraat"), []byte("TRAILER")} {
		if bytes.Contains(out, leak) {
			t.Errorf("stripped JPEG still contains %q", leak)
		}
	}
	// Only the orientation survives, so a portrait photo stays upright.
	if !bytes.Contains(out, orientationSegment(6)) || bytes.Count(out, []byte("Exif")) != 1 {
		t.Error("the orientation was not kept as the only EXIF tag")
	}
	if o, ok := exifOrientation(0xE1, orientationSegment(6)[4:]); !ok || o != 6 {
		t.Errorf("orientation segment reads back as %d, %v", o, ok)
	}
	before, err := jpeg.Decode(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	after, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("stripped JPEG does not decode: %v", err)
	}
	samePixels(t, before, after)
	if files[0].ContentType != TypeJPEG || files[0].Filename != "IMG_0001.jpg" {
		t.Errorf("got %q %q", files[0].ContentType, files[0].Filename)
	}
}

func pngChunk(typ string, payload []byte) []byte {
	c := make([]byte, 8, 12+len(payload))
	binary.BigEndian.PutUint32(c, uint32(len(payload)))
	copy(c[4:], typ)
	c = append(c, payload...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

func TestPNGTextAndExifChunksAreRemoved(t *testing.T) {
	plain := testPNG(t)
	ihdrEnd := 8 + 12 + 13
	var b bytes.Buffer
	b.Write(plain[:ihdrEnd])
	b.Write(pngChunk("tEXt", []byte("Location\x00Voorbeeldstraat 1, Utrecht")))
	b.Write(pngChunk("eXIf", exifWithGPS()[6:]))
	b.Write(pngChunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta/>")))
	b.Write(plain[ihdrEnd:])
	files, err := prepareUploads(0, 0, []Upload{{Filename: "screenshot.png", Data: b.Bytes()}})
	if err != nil {
		t.Fatal(err)
	}
	out := files[0].Data
	for _, leak := range []string{"tEXt", "eXIf", "iTXt", "Voorbeeldstraat", "xmpmeta", string(gpsBytes())} {
		if bytes.Contains(out, []byte(leak)) {
			t.Errorf("stripped PNG still contains %q", leak)
		}
	}
	before, _ := png.Decode(bytes.NewReader(plain))
	after, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("stripped PNG does not decode: %v", err)
	}
	samePixels(t, before, after)
}

// FuzzPrepareFile checks that no upload, however malformed, panics the
// parsers, and that an accepted JPEG keeps no EXIF block but the
// orientation-only one we write.
func FuzzPrepareFile(f *testing.F) {
	f.Add("a.jpg", jpegWithMetadata(f))
	f.Add("a.png", testPNG(f))
	f.Add("a.eml", []byte(testEmail))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		p, ok := prepareFile(Upload{Filename: name, Data: data})
		if !ok || p.ContentType != TypeJPEG {
			return
		}
		for i := 0; i+4 <= len(p.Data); i++ {
			if p.Data[i] != 0xFF || p.Data[i+1] != 0xE1 || !bytes.HasPrefix(p.Data[i+4:], []byte("Exif")) {
				continue
			}
			n := int(binary.BigEndian.Uint16(p.Data[i+2:]))
			o, _ := exifOrientation(0xE1, p.Data[i+4:min(i+2+n, len(p.Data))])
			if !bytes.HasPrefix(p.Data[i:], orientationSegment(o)) {
				t.Fatalf("an EXIF segment other than the orientation survived in %q", name)
			}
		}
	})
}
