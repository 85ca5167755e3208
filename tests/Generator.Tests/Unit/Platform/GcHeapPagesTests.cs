using System.Runtime.CompilerServices;
using ForbedringsAbc.Platform;

namespace ForbedringsAbc.Tests.Unit.Platform;

/// <summary>
/// Which memory the generator opens for huge pages at start-up: only the GC's own reservation,
/// from its first region boundary (or, where the map does not show the reservation whole from
/// there, the first huge-page boundary above a heap object) to a headroom past where the GC's
/// reserved rest begins, and nothing at all when the memory map is not what that needs (another
/// mapping in between, inaccessible memory the GC has not marked as its own, a gap, no
/// reservation). Opening the wrong memory would make a guard page writable, so each refusal is
/// pinned here, and the plan is checked against this test process's own heap.
/// </summary>
public sealed class GcHeapPagesTests
{
    private const long MiB = 1L << 20;
    private const long GiB = 1L << 30;
    private const long RegionRange = 256 * GiB;
    private const long HugePage = 2 * MiB;
    private const long RegionSize = 4 * MiB;

    // A heap as a build leaves it, as /proc/self/smaps lists it (the lines between an area and its
    // flags shortened): committed pieces of the first regions, their uncommitted ends (out of
    // dumps, "dd"), and the large reserved rest.
    private static readonly string[] Heap =
    [
        "55ce91ab7000-55ce923b6000 r-xp 00020000 fe:00 11976732                   /opt/abc/generator",
        "Size:               9212 kB",
        "VmFlags: rd ex mr mw me",
        "7f0000000000-7f0000150000 rw-p 00000000 00:00 0 ",
        "Rss:                1344 kB",
        "VmFlags: rd wr mr mw me ac",
        "7f0000150000-7f0000400000 ---p 00000000 00:00 0 ",
        "VmFlags: mr mw me nr dd",
        "7f0000400000-7f0000410000 rw-p 00000000 00:00 0 ",
        "VmFlags: rd wr mr mw me ac",
        "7f0000410000-7f4000000000 ---p 00000000 00:00 0 ",
        "VmFlags: mr mw me dd",
        "7f4000000000-7f4000021000 rw-p 00000000 00:00 0 ",
        "VmFlags: rd wr mr mw me nr",
        "7ffc1a2e4000-7ffc1a305000 rw-p 00000000 00:00 0                          [stack]",
        "VmFlags: rd wr mr mw me gd ac",
    ];

    private static (long Start, long End, string? Reason) Plan(string[] maps, long address, long headroom = GiB) =>
        GcHeapPages.Plan(MemoryMap.Parse(maps), address, RegionRange, RegionSize, headroom, HugePage);

    private static string[] Replace(string[] maps, string line, string with)
    {
        var copy = maps.ToArray();
        copy[Array.IndexOf(copy, line)] = with;
        return copy;
    }

    [Fact]
    public void Opens_from_the_start_of_the_reservation_to_the_headroom_past_the_reserved_rest()
    {
        // The first regions, below the object, are filled as the GC promotes what survives: opened too.
        foreach (var address in new[] { 0x7f0000000100, 0x7f0000400100 })
        {
            var (start, end, reason) = Plan(Heap, address);

            Assert.Null(reason);
            Assert.Equal(0x7f0000000000, start);
            Assert.Equal((0x7f0000410000 + GiB) & ~(HugePage - 1), end);
        }
    }

    [Fact]
    public void Opens_from_the_next_boundary_above_the_object_when_the_memory_below_it_is_not_all_the_gcs()
    {
        // The object on a boundary, so that is where the range starts when nothing below is opened.
        // A guard page below the object (inaccessible, but in dumps): nothing below the object is opened.
        var guarded = Plan(Replace(Heap, "VmFlags: mr mw me nr dd", "VmFlags: mr mw me nr"), 0x7f0000400000);
        Assert.Equal((0x7f0000400000, null), (guarded.Start, guarded.Reason));
        // A file mapped below the object.
        var mapped = Replace(Heap, "7f0000000000-7f0000150000 rw-p 00000000 00:00 0 ", "7f0000000000-7f0000150000 rw-p 00000000 fe:00 1234                       /usr/lib/x.so");
        Assert.Equal(0x7f0000400000, Plan(mapped, 0x7f0000400000).Start);
        // A gap below the object.
        var gap = Replace(Heap, "7f0000000000-7f0000150000 rw-p 00000000 00:00 0 ", "7f0000000000-7f000014f000 rw-p 00000000 00:00 0 ");
        Assert.Equal(0x7f0000400000, Plan(gap, 0x7f0000400000).Start);
    }

    [Fact]
    public void Opens_nothing_below_the_first_region_boundary_of_the_reservation()
    {
        // Plain memory of someone else's right below the reservation's first region.
        var maps = Heap.ToList();
        maps.InsertRange(maps.IndexOf("7f0000000000-7f0000150000 rw-p 00000000 00:00 0 "),
            ["7effffe00000-7f0000000000 rw-p 00000000 00:00 0 ", "VmFlags: rd wr mr mw me ac"]);
        Assert.Equal(0x7f0000000000, Plan([.. maps], 0x7f0000400100).Start);

        // The rest ends 2 MiB short of the reservation's end (say the GC used its top), so the
        // reservation seems to begin 2 MiB lower, where that memory is: the first region boundary
        // above is still where the opened range begins.
        var shortRest = Replace(Replace([.. maps], "7f0000410000-7f4000000000 ---p 00000000 00:00 0 ", "7f0000410000-7f3fffe00000 ---p 00000000 00:00 0 "),
            "7f4000000000-7f4000021000 rw-p 00000000 00:00 0 ", "7f3fffe00000-7f4000021000 rw-p 00000000 00:00 0 ");
        var (start, _, reason) = Plan(shortRest, 0x7f0000400100);
        Assert.Equal((0x7f0000000000, null), (start, reason));
    }

    [Fact]
    public void Opens_from_above_the_object_when_no_committed_region_begins_at_the_first_boundary_or_the_size_is_unknown()
    {
        // The first region boundary inside uncommitted memory.
        var uncommitted = Replace(Replace(Heap, "7f0000000000-7f0000150000 rw-p 00000000 00:00 0 ", "7f0000000000-7f0000150000 ---p 00000000 00:00 0 "),
            "VmFlags: rd wr mr mw me ac", "VmFlags: mr mw me dd");
        Assert.Equal(0x7f0000400000, Plan(uncommitted, 0x7f0000400000).Start);
        // No region size from the GC.
        Assert.Equal(0x7f0000400000, GcHeapPages.Plan(MemoryMap.Parse(Heap), 0x7f0000400000, RegionRange, 0, GiB, HugePage).Start);
    }

    [Fact]
    public void Stops_at_the_end_of_the_reservation_when_the_headroom_is_larger()
    {
        var (_, end, reason) = Plan(Heap, 0x7f0000400100, headroom: 512 * GiB);

        Assert.Null(reason);
        Assert.Equal(0x7f4000000000, end);
    }

    /// <summary>One line of the heap changed; with the object at 0x7f0000000100 (first region) or 0x7f0000400100.</summary>
    [Theory]
    // A thread stack's guard page, say, inside the walk: inaccessible, but in dumps.
    [InlineData("VmFlags: mr mw me nr dd", "VmFlags: mr mw me nr", 0x7f0000000100,
        "the heap's range holds memory the GC has not reserved")]
    // The reserved rest not marked as the GC's.
    [InlineData("VmFlags: mr mw me dd", "VmFlags: mr mw me", 0x7f0000400100,
        "the heap's range holds memory the GC has not reserved")]
    // A file mapped inside the range.
    [InlineData("7f0000400000-7f0000410000 rw-p 00000000 00:00 0 ",
        "7f0000400000-7f0000410000 rw-p 00000000 fe:00 1234                       /usr/lib/x.so", 0x7f0000000100,
        "the heap's range holds other memory")]
    // Memory with other permissions inside the range.
    [InlineData("7f0000400000-7f0000410000 rw-p 00000000 00:00 0 ", "7f0000400000-7f0000410000 r--p 00000000 00:00 0 ", 0x7f0000000100,
        "the heap's range holds other memory")]
    // A gap.
    [InlineData("7f0000400000-7f0000410000 rw-p 00000000 00:00 0 ", "7f0000400000-7f000040f000 rw-p 00000000 00:00 0 ", 0x7f0000000100,
        "the heap's range has a gap")]
    public void Opens_nothing_where_the_map_is_not_the_gcs_heap(string line, string with, long address, string reason)
    {
        var (start, end, actual) = Plan(Replace(Heap, line, with), address);

        Assert.Equal(reason, actual);
        Assert.Equal((0, 0), (start, end));
    }

    /// <summary>The GC committed more of a region between two reads: the same area twice, grown; above the object or below it.</summary>
    [Theory]
    [InlineData("7f0000410000-7f4000000000 ---p 00000000 00:00 0 ", "7f0000400000-7f0000420000 rw-p 00000000 00:00 0 ", 0x7f0000000100)]
    [InlineData("7f0000150000-7f0000400000 ---p 00000000 00:00 0 ", "7f0000100000-7f0000160000 rw-p 00000000 00:00 0 ", 0x7f0000400100)]
    public void Says_so_when_the_map_changed_while_it_was_read(string before, string grown, long address)
    {
        var maps = Heap.ToList();
        maps.InsertRange(maps.IndexOf(before), [grown, "VmFlags: rd wr mr mw me ac"]);

        Assert.Equal(MemoryMap.Changed, Plan([.. maps], address).Reason);
    }

    [Theory]
    [InlineData("2097152\n", 2097152)]
    [InlineData(" 64 ", 64)]
    [InlineData("", -1)]
    [InlineData("2 MiB", -1)]
    [InlineData("-1", -1)]
    [InlineData("99999999999999999999", -1)]
    public void Reads_numbers_from_system_files(string text, long expected)
    {
        Assert.Equal(expected, GcHeapPages.Digits(text));
    }

    [Fact]
    public void Opens_nothing_without_the_gcs_reservation()
    {
        string[] maps =
        [
            "7f0000000000-7f0000150000 rw-p 00000000 00:00 0 ",
            "7f0000150000-7f0040000000 ---p 00000000 00:00 0 ",
            "VmFlags: mr mw me dd",
        ];

        Assert.Equal("the GC's reserved range was not found", Plan(maps, 0x7f0000000100).Reason);
    }

    [Fact]
    public void Opens_nothing_when_the_range_is_larger_than_the_gc_reserves()
    {
        // The object lies further below the reserved rest's end than the GC's whole range.
        string[] maps =
        [
            "7e0000000000-7f0000410000 rw-p 00000000 00:00 0 ",
            "7f0000410000-7f4000000000 ---p 00000000 00:00 0 ",
            "VmFlags: mr mw me dd",
        ];

        Assert.Equal("the heap's range is larger than the GC's", Plan(maps, 0x7e0000001000).Reason);
    }

    [Fact]
    public void Opens_nothing_when_the_object_is_not_in_plain_heap_memory()
    {
        Assert.Equal("the heap is not in the memory map", Plan(Heap, 0x100000).Reason);
        Assert.Equal("the heap is not in the memory map", Plan(Heap, 0x7f0000150100).Reason);
        Assert.Equal("the heap is not in the memory map", Plan(Heap, 0x55ce91ab7100).Reason);
    }

    [Fact]
    public void Reads_the_memory_map_as_the_kernel_prints_it()
    {
        var areas = MemoryMap.Parse(
        [
            "55ce91ab7000-55ce923b6000 r-xp 00020000 fe:00 11976732                   /opt/abc/generator",
            "Size:               9212 kB",
            "KernelPageSize:        4 kB",
            "THPeligible:    0",
            "VmFlags: rd ex mr mw me",
            "7f0000000000-7f0000150000 rw-p 00000000 00:00 0 ",
            "7f0000150000-7f0000400000 ---p 00000000 00:00 0",
            "VmFlags: mr mw me nr dd",
            "7f0000400000-7f0000410000 rw-s 00000000 00:01 77                         /memfd:x (deleted)",
            "7f0000410000-7f0000420000 rw-p 00000000 00:00 0                          [anon:named]",
            "7ffc1a2e4000-7ffc1a305000 rw-p 00000000 00:00 0                          [stack]",
            "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]",
            "not a line",
        ]);

        Assert.Equal(
            [
                new MemoryMap.Area(0x55ce91ab7000, 0x55ce923b6000, "r-xp", false, " rd ex mr mw me"),
                new MemoryMap.Area(0x7f0000000000, 0x7f0000150000, "rw-p", true),
                new MemoryMap.Area(0x7f0000150000, 0x7f0000400000, "---p", true, " mr mw me nr dd"),
                new MemoryMap.Area(0x7f0000400000, 0x7f0000410000, "rw-s", false),
                new MemoryMap.Area(0x7f0000410000, 0x7f0000420000, "rw-p", false),
                new MemoryMap.Area(0x7ffc1a2e4000, 0x7ffc1a305000, "rw-p", false),
            ],
            areas);
    }

    /// <summary>
    /// This test process's own heap, planned but not opened: the plan is found and lies within the
    /// GC's reservation. Catches a runtime whose heap no longer looks as expected.
    /// </summary>
    [Fact]
    public void Finds_the_gcs_reservation_in_this_processs_own_memory_map()
    {
        Assert.True(OperatingSystem.IsLinux(), "The generator's tests run on Linux.");
        var range = Convert.ToInt64(GC.GetConfigurationVariables()["GCRegionRange"]);
        var regionSize = Convert.ToInt64(GC.GetConfigurationVariables()["GCRegionSize"]);
        var probe = new object[] { new object() };
        var address = (long)Unsafe.As<object, nint>(ref probe[0]);

        var (start, end, reason) = GcHeapPages.PlanForThisProcess(address, range, regionSize, GiB, HugePage);
        var rest = MemoryMap.Parse(MemoryMap.ReadAll("/proc/self/smaps")).Single(a => a.Permissions == "---p" && a.Start <= end && end <= a.End);

        Assert.Null(reason);
        // From the reservation's first region (below the object), or from above the object where the map does not show it.
        var firstRegion = (rest.End - range + regionSize - 1) & ~(regionSize - 1);
        Assert.Contains(start, new[] { firstRegion, (address + HugePage - 1) & ~(HugePage - 1) });
        Assert.InRange(end, start + HugePage, rest.End);
        GC.KeepAlive(probe);
    }
}
