// The jsii runtime behind the CDK is a single node process per test host; synthesizing from several
// threads at once interleaves its calls, so CDK tests run one at a time (each env is synthesized once).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
