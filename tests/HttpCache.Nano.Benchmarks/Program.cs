// Benchmarks entry point: BenchmarkDotNet switcher, the simulations, and a smoke mode for CI.
using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;

namespace HttpCache.Nano.Benchmarks
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "simulate")
            {
                Simulation.Bandwidth(0, 24, Console.Out);
                Simulation.Bandwidth(300, 24, Console.Out);
                int devices = args.Length > 1 ? int.Parse(args[1]) : 1000;
                FleetSimulation.Run(devices, 0, false, Console.Out);
                FleetSimulation.Run(devices, 300, false, Console.Out);
                FleetSimulation.Run(devices, 300, true, Console.Out);
                return 0;
            }

            if (args.Length > 0 && args[0] == "reboot")
            {
                RebootSimulation.Outcome[] longLived = RebootSimulation.Run(300, 24, Console.Out);
                RebootSimulation.Outcome[] always = RebootSimulation.Run(0, 24, Console.Out);
                return always[1].FlashWritesOnUnchanged == 0 && longLived[1].Requests <= longLived[0].Requests * 101 / 100 ? 0 : 1;
            }

            if (args.Length > 0 && args[0] == "wire")
            {
                return Wire.WireCost.Run(args.Length > 1 ? int.Parse(args[1]) : 50, Console.Out).GetAwaiter().GetResult();
            }

            if (args.Length > 0 && args[0] == "resume")
            {
                return Wire.ResumeCost.Run(1024 * 1024, 200 * 1024, 4, Console.Out).GetAwaiter().GetResult();
            }

            if (args.Length > 0 && args[0] == "smoke")
            {
                return Smoke();
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        // Runs every [Benchmark] method once (after its [GlobalSetup]) and small simulations: proves they work, measures nothing.
        private static int Smoke()
        {
            int ran = 0;
            foreach (Type type in typeof(Program).Assembly.GetTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() != null)))
            {
                PropertyInfo param = type.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<ParamsAttribute>() != null);
                object[] values = param == null ? new object[] { null } : param.GetCustomAttribute<ParamsAttribute>().Values;
                foreach (object value in values)
                {
                    object instance = Activator.CreateInstance(type);
                    param?.SetValue(instance, value);
                    type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() != null).ToList().ForEach(m => m.Invoke(instance, null));
                    foreach (MethodInfo method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() != null))
                    {
                        method.Invoke(instance, null);
                        ran++;
                    }

                    type.GetMethods().Where(m => m.GetCustomAttribute<GlobalCleanupAttribute>() != null).ToList().ForEach(m => m.Invoke(instance, null));
                }
            }

            Wire.WireCost.Run(2, Console.Out).GetAwaiter().GetResult();
            Wire.ResumeCost.Run(64 * 1024, 20 * 1024, 2, Console.Out).GetAwaiter().GetResult();
            Simulation.Outcome[] outcomes = Simulation.Bandwidth(0, 2, Console.Out);
            FleetSimulation.Run(20, 300, true, Console.Out);
            RebootSimulation.Outcome[] sleeping = RebootSimulation.Run(0, 2, Console.Out);
            if (sleeping[1].FlashWritesOnUnchanged != 0)
            {
                Console.WriteLine("smoke: a rebooting device wrote flash on an unchanged max-age=0 poll");
                return 1;
            }

            if (outcomes[1].FlashWritesOnUnchanged != 0)
            {
                Console.WriteLine("smoke: flash was written on an unchanged poll");
                return 1;
            }

            Console.WriteLine($"smoke: {ran} benchmark invocations and the simulations ran");
            return 0;
        }
    }
}
