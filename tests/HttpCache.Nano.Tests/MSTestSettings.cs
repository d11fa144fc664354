// Desktop-only MSTest settings: test methods run in parallel (shared tests keep no mutable static state).
using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
