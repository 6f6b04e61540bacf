// Random identifiers made on the phone: the idempotency key of a submit form and the names of uploaded files. They
// only need to be unique per citizen, not secret, so time plus Math.random is enough (no crypto API is guaranteed).

export function randomId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  while (tail.length < 12) tail += Math.floor(random() * 36).toString(36);
  return `${now.toString(36)}${tail}`;
}

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic'];

/** The extension of a temp file path, lower case; `jpg` when it is missing or not an image type. */
export function imageExtension(filePath: string): string {
  const match = /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(filePath);
  const ext = match ? match[1].toLowerCase() : '';
  return IMAGE_EXTENSIONS.includes(ext) ? ext : 'jpg';
}

/** Where a citizen's image goes in cloud storage: under their own OPENID, as storage rules and the server expect. */
export function caseImagePath(openid: string, filePath: string, id: string = randomId()): string {
  return `cases/${openid}/${id}.${imageExtension(filePath)}`;
}
