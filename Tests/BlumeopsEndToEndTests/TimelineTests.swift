import Testing

/// `blumeops history show --timeline FILE.svg`: the SVG is rendered by a real renderer
/// (rsvg-convert, Debian's librsvg2-bin) and the picture checked: each bar in its result's
/// colour where the SVG puts it, the critical path outlined.
@Suite(
  .enabled(
    if: ExternalTool.enabled("rsvg-convert") && ExternalTool.enabled("python3"),
    "rsvg-convert (librsvg2-bin) renders the SVG"))
struct TimelineTests {
  /// Reads the PNG (8-bit RGB or RGBA, as rsvg-convert writes it) and the SVG; for each task's
  /// bar prints `task status colour-at-its-centre colour-at-its-left-edge`, as hex.
  static let sampler = """
    import re, struct, sys, zlib
    png = open(sys.argv[1], 'rb').read()
    assert png[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
    pos, data = 8, b''
    while pos < len(png):
        length, kind = struct.unpack('>I4s', png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
        elif kind == b'IDAT':
            data += body
        pos += 12 + length
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 4 if colour == 6 else 3
    raw, stride, rows, prev = zlib.decompress(data), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pred = [0, a, b, (a + b) // 2, a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else b if abs(p - b) <= abs(p - c) else c][f]
            line[i] = (line[i] + pred) & 0xff
        rows.append(line)
        prev = line
    def pixel(x, y):
        x, y = int(x), int(y)
        return '%02x%02x%02x' % tuple(rows[y][x * bpp:x * bpp + 3])
    svg = open(sys.argv[2]).read()
    print('size', width, height)
    for group in re.finditer(r'<g data-task="([^"]*)" data-status="([^"]*)"[^>]*>.*?<rect x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"', svg, re.S):
        task, status, x, y, w, h = group.groups()
        x, y, w, h = map(float, (x, y, w, h))
        print(task, status, pixel(x + w / 2, y + h / 2 - 6), pixel(x, y + h / 2))

    """

  @Test func theTimelineDrawsEachTaskInItsColourWithTheCriticalPathOutlined() {
    let fixture = Fixture([
      "tasks/main.yaml": """
      tasks:
        prepare: {run: 'sleep 2'}
        build: {depends: [prepare], run: 'sleep 2'}
        lint: {run: 'sleep 1; exit 3'}
        all: {depends: [build, lint]}
      """
    ])
    fixture.add("sample.py", Self.sampler)
    #expect(fixture.run(["-k", "-j", "2", "all"]).status == 3)
    let show = fixture.run(["history", "show", "--timeline", "out/timeline.svg"])
    #expect(show.status == 2, "no folder `out`: \(show.output)")
    let made = fixture.run(["history", "show", "last", "--timeline", "timeline.svg"])
    #expect(made.status == 0, "\(made.output)")
    let svg = fixture.read("timeline.svg") ?? ""
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains("not run: all (skipped)"), "\(svg)")
    let render = ExternalTool.run(
      "rsvg-convert timeline.svg -o timeline.png && python3 sample.py timeline.png timeline.svg",
      in: fixture.root)
    #expect(render.status == 0, "\(render.output)")
    let bars = Dictionary(
      uniqueKeysWithValues: render.stdout.split(separator: "\n").dropFirst().map { line in
        let words = line.split(separator: " ").map(String.init)
        return (words[0], Array(words.dropFirst()))
      })
    #expect(render.stdout.hasPrefix("size 960 "), "\(render.stdout)")
    // Bars in their result's colour; the critical path (prepare, then build) outlined in
    // near-black at its left edge, lint (not on it) not.
    #expect(bars["prepare"]?.prefix(2) == ["succeeded", "2da44e"], "\(render.stdout)")
    #expect(bars["build"]?.prefix(2) == ["succeeded", "2da44e"], "\(render.stdout)")
    #expect(bars["lint"]?.prefix(2) == ["failed", "cf222e"], "\(render.stdout)")
    #expect(bars["prepare"]?.last == "1f2328", "\(render.stdout)")
    #expect(bars["build"]?.last == "1f2328", "\(render.stdout)")
    #expect(bars["lint"]?.last != "1f2328", "\(render.stdout)")
    #expect(svg.contains("data-task=\"build\" data-status=\"succeeded\" data-critical=\"true\""))
  }

  @Test func showListsTheLastRunsTasks() {
    let fixture = Fixture(["tasks/main.yaml": "tasks:\n  hello: {run: echo hi}\n"])
    #expect(fixture.run(["hello"]).status == 0)
    let show = fixture.run(["history", "show"])
    #expect(show.status == 0, "\(show.output)")
    #expect(show.stdout.contains("TASK   STATUS     START  DURATION"), "\(show.stdout)")
    #expect(show.stdout.contains("hello  succeeded"), "\(show.stdout)")
    #expect(fixture.run(["history", "show", "nosuch"]).status == 2)
  }
}
