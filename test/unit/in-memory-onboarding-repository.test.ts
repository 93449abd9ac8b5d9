import { InMemoryOnboardingRepository } from '#test/support/in-memory-onboarding-repository.ts';
import { describeOnboardingRepositoryContract } from '#test/support/onboarding-repository-contract.ts';

describeOnboardingRepositoryContract('in memory', async () => ({
  repo: new InMemoryOnboardingRepository(),
  teardown: async () => {},
}));
