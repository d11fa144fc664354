using HttpCache.Nano.Tests.Support;
using HttpCache.Nano.Time;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace HttpCache.Nano.Tests.Engine
{
    /// <summary>The load a fleet of <see cref="PollSchedule"/>s puts on one origin, second by second, through an outage.</summary>
    [TestClass]
    public class FleetLoadTests
    {
        private const int Devices = 120;
        private const int Minute = 60000;
        private const int Seconds = 3600;
        private const int OutageFrom = 900;
        private const int OutageTo = 1500;

        [TestMethod]
        public void AFleetOfConsecutiveIdsStaysWithinOneAndAHalfTimesItsMeanAndDoesNotStampedeAfterAnOutage()
        {
            int[] perSecond = Simulate();

            // 120 devices, a poll a minute each: a mean of 2 a second, so 1.5 times the mean is 3.
            Assert.IsTrue(Peak(perSecond, 60, OutageFrom) <= 3, "before the outage: " + Peak(perSecond, 60, OutageFrom));
            Assert.AreEqual(0, Sum(perSecond, OutageFrom + 1, OutageTo), "every poll in the outage failed");

            // Back-off spreads the retries: no second of the recovery sees more than twice the usual mean.
            int recovery = Peak(perSecond, OutageTo, OutageTo + 600);
            Assert.IsTrue(recovery <= 4, "recovery peak: " + recovery);

            // Once the longest back-off (15 minutes) is over, every device is on its slot again: one poll a minute each.
            int from = OutageTo + 900 + 60;
            Assert.IsTrue(Peak(perSecond, from, Seconds) <= 3, "after recovery: " + Peak(perSecond, from, Seconds));
            int polls = Sum(perSecond, from, Seconds);
            int minutes = (Seconds - from) / 60;
            Assert.IsTrue(polls >= minutes * Devices && polls <= (minutes + 1) * Devices, "one poll a minute per device: " + polls);
        }

        // Successful polls per second of an hour; the origin answers 503 between OutageFrom and OutageTo.
        private static int[] Simulate()
        {
            ManualClock clock = new ManualClock(Fixtures.T0);
            CacheResponse ok = PollScheduleTests.Generated(200, "");
            CacheResponse down = PollScheduleTests.Generated(503, "");
            PollSchedule[] schedules = new PollSchedule[Devices];
            long[] due = new long[Devices];
            for (int d = 0; d < Devices; d++)
            {
                schedules[d] = new PollSchedule(clock, Minute, (uint)(5000 + d));
                due[d] = schedules[d].FirstDelayMilliseconds();
            }

            int[] perSecond = new int[Seconds];
            long now = 0;
            while (true)
            {
                int next = 0;
                for (int d = 1; d < Devices; d++)
                {
                    if (due[d] < due[next])
                    {
                        next = d;
                    }
                }

                if (due[next] >= Seconds * 1000L)
                {
                    return perSecond;
                }

                clock.AdvanceMilliseconds(due[next] - now);
                now = due[next];
                int second = (int)(now / 1000);
                bool outage = second >= OutageFrom && second < OutageTo;
                if (!outage)
                {
                    perSecond[second]++;
                }

                due[next] = now + schedules[next].Next(outage ? down : ok);
            }
        }

        private static int Peak(int[] perSecond, int from, int to)
        {
            int peak = 0;
            for (int s = from; s < to; s++)
            {
                peak = perSecond[s] > peak ? perSecond[s] : peak;
            }

            return peak;
        }

        private static int Sum(int[] perSecond, int from, int to)
        {
            int sum = 0;
            for (int s = from; s < to; s++)
            {
                sum += perSecond[s];
            }

            return sum;
        }
    }
}
