import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

export type SelfSigned = {
	readonly cert: string;
	readonly key: string;
	/** The certificate in a file, for NODE_EXTRA_CA_CERTS; removed at teardown. */
	readonly certFile: string;
};

/** A fresh self-signed certificate for 127.0.0.1 and localhost, made with openssl. */
export async function selfSignedCertificate(t: {
	teardown(callback: () => unknown): void;
}): Promise<SelfSigned> {
	const directory = await mkdtemp(path.join(tmpdir(), 'chat-tui-tls-'));
	t.teardown(async () => rm(directory, {recursive: true, force: true}));
	const keyFile = path.join(directory, 'key.pem');
	const certFile = path.join(directory, 'cert.pem');
	await run('openssl', [
		'req',
		'-x509',
		'-newkey',
		'ec',
		'-pkeyopt',
		'ec_paramgen_curve:prime256v1',
		'-nodes',
		'-keyout',
		keyFile,
		'-out',
		certFile,
		'-days',
		'1',
		'-subj',
		'/CN=localhost',
		'-addext',
		'subjectAltName=IP:127.0.0.1,DNS:localhost',
	]);
	return {cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8'), certFile};
}
