using ForbedringsAbc.Platform;

namespace ForbedringsAbc.Tests.Unit.Platform;

/// <summary>
/// Which memory the generator opens for huge pages at start-up: only the GC's own heap range, from
/// the block holding a heap object up to a headroom past what the GC has committed, and nothing
/// at all when the memory map is not what that needs (another mapping in between, a gap, no
/// reservation). Opening the wrong memory would turn a guard page into writable memory, so each
/// refusal is pinned here.
/// </summary>
public sealed class GcHeapPagesTests
{
    private const long MiB = 1L << 20;
    private const long GiB = 1L << 30;
    private const long RegionRange = 256 * GiB;

    // A heap as a 10,000-page build leaves it: committed pieces of the first regions, their
    // uncommitted ends, and the large reserved rest. Addresses as /proc/self/maps prints them.
    private static readonly string[] Heap =
    [
        "55ce91ab7000-55ce923b6000 r-xp 00020000 fe:00 11976732                   /opt/abc/generator",
        "7f0000000000-7f0000150000 rw-p 00000000 00:00 0 ",
        "7f0000150000-7f0000400000 ---p 00000000 00:00 0 ",
        "7f0000400000-7f0000410000 rw-p 00000000 00:00 0 ",
        "7f0000410000-7f4000000000 ---p 00000000 00:00 0 ",
        "7f4000000000-7f4000021000 rw-p 00000000 00:00 0 ",
        "7ffc1a2e4000-7ffc1a305000 rw-p 00000000 00:00 0                          [stack]",
    ];

    private static (long Start, long End, string? Reason) Plan(string[] maps, long address, long headroom = GiB) =>
        GcHeapPages.Plan(MemoryMap.Parse(maps), address, RegionRange, headroom);

    [Fact]
    public void Opens_from_the_objects_block_to_the_headroom_past_the_committed_heap()
    {
        var (start, end, reason) = Plan(Heap, 0x7f0000400100);

        Assert.Null(reason);
        Assert.Equal(0x7f0000400000, start);
        Assert.Equal((0x7f0000410000 + GiB) & ~(2 * MiB - 1), end);
    }

    [Fact]
    public void Covers_the_uncommitted_ends_of_earlier_regions_when_the_object_is_in_the_first()
    {
        var (start, end, reason) = Plan(Heap, 0x7f0000001000);

        Assert.Null(reason);
        Assert.Equal(0x7f0000000000, start);
        Assert.True(end > 0x7f0000410000);
    }

    [Fact]
    public void Stops_at_the_end_of_the_reservation_when_the_headroom_is_larger()
    {
        var (_, end, reason) = Plan(Heap, 0x7f0000400100, headroom: 512 * GiB);

        Assert.Null(reason);
        Assert.Equal(0x7f4000000000, end);
    }

    [Fact]
    public void Does_not_open_a_block_that_begins_in_memory_before_the_heap()
    {
        // The object's 2 MiB block begins in a guard page that is not the heap's: start at the
        // next block instead.
        string[] maps =
        [
            "7f00001ff000-7f0000200000 ---p 00000000 00:00 0 ",
            "7f0000200000-7f0000201000 ---p 00000000 00:00 0 ",
            "7f0000201000-7f0000300000 rw-p 00000000 00:00 0 ",
            "7f0000300000-7f4000000000 ---p 00000000 00:00 0 ",
        ];

        var (start, _, reason) = Plan(maps, 0x7f0000201100);

        Assert.Null(reason);
        Assert.Equal(0x7f0000400000, start);
    }

    [Fact]
    public void Opens_nothing_when_a_file_is_mapped_inside_the_range()
    {
        var maps = Heap.ToArray();
        maps[3] = "7f0000400000-7f0000410000 rw-p 00000000 fe:00 1234                       /usr/lib/x.so";

        var (start, end, reason) = Plan(maps, 0x7f0000001000);

        Assert.Equal("the heap's range holds other memory", reason);
        Assert.Equal((0, 0), (start, end));
    }

    [Fact]
    public void Opens_nothing_when_memory_with_other_permissions_is_inside_the_range()
    {
        var maps = Heap.ToArray();
        maps[3] = "7f0000400000-7f0000410000 r--p 00000000 00:00 0 ";

        Assert.Equal("the heap's range holds other memory", Plan(maps, 0x7f0000001000).Reason);
    }

    [Fact]
    public void Opens_nothing_across_a_gap()
    {
        var maps = Heap.ToArray();
        maps[3] = "7f0000400000-7f000040f000 rw-p 00000000 00:00 0 ";

        Assert.Equal("the heap's range has a gap", Plan(maps, 0x7f0000001000).Reason);
    }

    [Fact]
    public void Opens_nothing_without_the_gcs_reservation()
    {
        string[] maps =
        [
            "7f0000000000-7f0000150000 rw-p 00000000 00:00 0 ",
            "7f0000150000-7f0040000000 ---p 00000000 00:00 0 ",
        ];

        Assert.Equal("the GC's reserved range was not found", Plan(maps, 0x7f0000001000).Reason);
    }

    [Fact]
    public void Opens_nothing_when_the_range_is_larger_than_the_gc_reserves()
    {
        // The object lies further below the reserved rest than the GC's whole range: it is not in
        // that reservation.
        string[] maps =
        [
            "7e0000000000-7f0000410000 rw-p 00000000 00:00 0 ",
            "7f0000410000-7f4000000000 ---p 00000000 00:00 0 ",
        ];

        Assert.Equal("the heap's range is larger than the GC's", Plan(maps, 0x7e0000001000).Reason);
    }

    [Fact]
    public void Opens_nothing_when_the_object_is_not_in_the_map()
    {
        Assert.Equal("the heap is not in the memory map", Plan(Heap, 0x100000).Reason);
    }

    [Fact]
    public void Reads_the_memory_map_as_the_kernel_prints_it()
    {
        var areas = MemoryMap.Parse(
        [
            "55ce91ab7000-55ce923b6000 r-xp 00020000 fe:00 11976732                   /opt/abc/generator",
            "7f0000000000-7f0000150000 rw-p 00000000 00:00 0 ",
            "7f0000150000-7f0000400000 ---p 00000000 00:00 0",
            "7f0000400000-7f0000410000 rw-s 00000000 00:01 77                         /memfd:x (deleted)",
            "7ffc1a2e4000-7ffc1a305000 rw-p 00000000 00:00 0                          [stack]",
            "not a line",
        ]);

        Assert.Equal(
            [
                new MemoryMap.Area(0x55ce91ab7000, 0x55ce923b6000, "r-xp", false),
                new MemoryMap.Area(0x7f0000000000, 0x7f0000150000, "rw-p", true),
                new MemoryMap.Area(0x7f0000150000, 0x7f0000400000, "---p", true),
                new MemoryMap.Area(0x7f0000400000, 0x7f0000410000, "rw-s", false),
                new MemoryMap.Area(0x7ffc1a2e4000, 0x7ffc1a305000, "rw-p", false),
            ],
            areas);
    }
}
