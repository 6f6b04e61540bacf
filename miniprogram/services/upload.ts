// Images a citizen attaches go to cloud storage under their own OPENID (storage rules allow only that), and the case
// carries their fileIDs; the server checks each before attaching it.
import { caseImagePath } from '../utils/id';

export async function uploadCaseImage(openid: string, filePath: string): Promise<string> {
  const res = await wx.cloud.uploadFile({ cloudPath: caseImagePath(openid, filePath), filePath });
  return res.fileID;
}
