-- numbers team (issue 10): why episodes ended outside the loop's rules (exclusions shown beside every
-- metric), each reply's finish_reason, the random-feedback donor of a turn, and notices a reader of a
-- run must see (e.g. problems dropped for lack of tests).
ALTER TABLE "Run" ADD COLUMN "notices" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Episode" ADD COLUMN "endReason" TEXT;
ALTER TABLE "Turn" ADD COLUMN "finishReason" TEXT;
ALTER TABLE "Turn" ADD COLUMN "feedbackSource" JSONB;
