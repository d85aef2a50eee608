-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'ANNOTATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "RunKind" AS ENUM ('EVAL', 'TRAIN');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EpisodeStatus" AS ENUM ('RUNNING', 'COMPLETED', 'ERRORED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "description" TEXT,
    "problemCount" INTEGER NOT NULL DEFAULT 0,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetImport" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "split" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Problem" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "split" TEXT NOT NULL DEFAULT 'test',
    "difficulty" TEXT,
    "rating" INTEGER,
    "tags" TEXT[],
    "timeLimitMs" INTEGER,
    "memoryLimitBytes" DOUBLE PRECISION,
    "publicTestCount" INTEGER NOT NULL DEFAULT 0,
    "privateTestCount" INTEGER NOT NULL DEFAULT 0,
    "generatedTestCount" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL,
    "publicTests" JSONB NOT NULL,
    "privateTests" JSONB NOT NULL,
    "generatedTests" JSONB NOT NULL,
    "referenceSolutions" JSONB NOT NULL,
    "wrongSolutions" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Problem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelEndpoint" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'openai',
    "baseUrl" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "apiKeyEncrypted" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Checkpoint" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "policyVersion" INTEGER NOT NULL DEFAULT 0,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Checkpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "kind" "RunKind" NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "datasetId" TEXT NOT NULL,
    "split" TEXT NOT NULL,
    "policyLabel" TEXT NOT NULL,
    "endpointId" TEXT,
    "checkpointId" TEXT,
    "parentRunId" TEXT,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressErrored" INTEGER NOT NULL DEFAULT 0,
    "trainStep" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "error" TEXT,
    "statusReason" TEXT,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "launchedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Episode" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "problemId" TEXT NOT NULL,
    "checkpointId" TEXT,
    "sampleIndex" INTEGER NOT NULL,
    "trainStep" INTEGER,
    "status" "EpisodeStatus" NOT NULL DEFAULT 'RUNNING',
    "turnsUsed" INTEGER NOT NULL DEFAULT 0,
    "finalReward" DOUBLE PRECISION,
    "solved" BOOLEAN,
    "passedPublic" BOOLEAN,
    "invalidCode" BOOLEAN NOT NULL DEFAULT false,
    "firstErrorKind" TEXT,
    "solvedAtTurn" INTEGER,
    "error" TEXT,
    "submittedToTrainer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Episode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Turn" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "extractionRule" TEXT NOT NULL,
    "publicVerdict" TEXT NOT NULL,
    "publicPassed" INTEGER NOT NULL DEFAULT 0,
    "publicTotal" INTEGER NOT NULL DEFAULT 0,
    "reward" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rewardParts" JSONB NOT NULL,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "policyVersion" INTEGER,
    "codeChange" DOUBLE PRECISION,
    "identicalToPrevious" BOOLEAN,
    "latencyMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "messages" JSONB NOT NULL,
    "reply" TEXT NOT NULL,
    "code" TEXT,
    "testResults" JSONB NOT NULL,
    "feedback" TEXT,
    "finalResults" JSONB,
    "tokenData" JSONB,

    CONSTRAINT "Turn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationLabel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "color" TEXT NOT NULL DEFAULT '#6b7280',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationLabel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "turnIndex" INTEGER,
    "note" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricPoint" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemRunStat" (
    "runId" TEXT NOT NULL,
    "problemId" TEXT NOT NULL,
    "episodes" INTEGER NOT NULL DEFAULT 0,
    "solved" INTEGER NOT NULL DEFAULT 0,
    "passedPublic" INTEGER NOT NULL DEFAULT 0,
    "errored" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProblemRunStat_pkey" PRIMARY KEY ("runId","problemId")
);

-- CreateTable
CREATE TABLE "_AnnotationToAnnotationLabel" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_AnnotationToAnnotationLabel_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_name_key" ON "Dataset"("name");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetImport_datasetId_contentHash_split_key" ON "DatasetImport"("datasetId", "contentHash", "split");

-- CreateIndex
CREATE INDEX "Problem_datasetId_split_name_idx" ON "Problem"("datasetId", "split", "name");

-- CreateIndex
CREATE INDEX "Problem_datasetId_difficulty_idx" ON "Problem"("datasetId", "difficulty");

-- CreateIndex
CREATE UNIQUE INDEX "Problem_datasetId_externalId_key" ON "Problem"("datasetId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelEndpoint_name_key" ON "ModelEndpoint"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Checkpoint_runId_step_key" ON "Checkpoint"("runId", "step");

-- CreateIndex
CREATE INDEX "Run_createdAt_id_idx" ON "Run"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Run_kind_status_createdAt_idx" ON "Run"("kind", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Run_datasetId_createdAt_idx" ON "Run"("datasetId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Run_parentRunId_idx" ON "Run"("parentRunId");

-- CreateIndex
CREATE INDEX "Run_status_leaseExpiresAt_idx" ON "Run"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "Episode_runId_id_idx" ON "Episode"("runId", "id");

-- CreateIndex
CREATE INDEX "Episode_runId_solved_id_idx" ON "Episode"("runId", "solved", "id");

-- CreateIndex
CREATE INDEX "Episode_runId_passedPublic_id_idx" ON "Episode"("runId", "passedPublic", "id");

-- CreateIndex
CREATE INDEX "Episode_runId_turnsUsed_id_idx" ON "Episode"("runId", "turnsUsed", "id");

-- CreateIndex
CREATE INDEX "Episode_runId_firstErrorKind_id_idx" ON "Episode"("runId", "firstErrorKind", "id");

-- CreateIndex
CREATE INDEX "Episode_runId_invalidCode_id_idx" ON "Episode"("runId", "invalidCode", "id");

-- CreateIndex
CREATE INDEX "Episode_runId_trainStep_id_idx" ON "Episode"("runId", "trainStep", "id");

-- CreateIndex
CREATE INDEX "Episode_runId_status_idx" ON "Episode"("runId", "status");

-- CreateIndex
CREATE INDEX "Episode_problemId_runId_idx" ON "Episode"("problemId", "runId");

-- CreateIndex
CREATE UNIQUE INDEX "Episode_runId_problemId_sampleIndex_key" ON "Episode"("runId", "problemId", "sampleIndex");

-- CreateIndex
CREATE UNIQUE INDEX "Turn_episodeId_index_key" ON "Turn"("episodeId", "index");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationLabel_name_key" ON "AnnotationLabel"("name");

-- CreateIndex
CREATE INDEX "Annotation_episodeId_idx" ON "Annotation"("episodeId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricPoint_runId_name_step_key" ON "MetricPoint"("runId", "name", "step");

-- CreateIndex
CREATE INDEX "ProblemRunStat_problemId_idx" ON "ProblemRunStat"("problemId");

-- CreateIndex
CREATE INDEX "_AnnotationToAnnotationLabel_B_index" ON "_AnnotationToAnnotationLabel"("B");

-- AddForeignKey
ALTER TABLE "DatasetImport" ADD CONSTRAINT "DatasetImport_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Checkpoint" ADD CONSTRAINT "Checkpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "ModelEndpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_parentRunId_fkey" FOREIGN KEY ("parentRunId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_launchedById_fkey" FOREIGN KEY ("launchedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Turn" ADD CONSTRAINT "Turn_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricPoint" ADD CONSTRAINT "MetricPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemRunStat" ADD CONSTRAINT "ProblemRunStat_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemRunStat" ADD CONSTRAINT "ProblemRunStat_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AnnotationToAnnotationLabel" ADD CONSTRAINT "_AnnotationToAnnotationLabel_A_fkey" FOREIGN KEY ("A") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AnnotationToAnnotationLabel" ADD CONSTRAINT "_AnnotationToAnnotationLabel_B_fkey" FOREIGN KEY ("B") REFERENCES "AnnotationLabel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

