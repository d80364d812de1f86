import type { FastifyRequest } from 'fastify';
import { Refusal } from '../protocol/refusal.ts';
import type { Database } from '../store/database.ts';
import { authenticate } from '../store/devices-store.ts';
import { canWrite, type Device } from '../team/roles.ts';

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : '';
}

export function deviceOf(db: Database, request: FastifyRequest): Promise<Device> {
  return authenticate(db, bearerToken(request));
}

export async function writerOf(db: Database, request: FastifyRequest): Promise<Device> {
  const device = await deviceOf(db, request);
  if (!canWrite(device.role)) throw new Refusal('role-forbidden', `role ${device.role} cannot write`);
  return device;
}

export async function coordinatorOf(db: Database, request: FastifyRequest): Promise<Device> {
  const device = await deviceOf(db, request);
  if (device.role !== 'coordinator') throw new Refusal('role-forbidden', 'coordinator only');
  return device;
}
